package org.cluetrain.query;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed query: a closed tree of operators and leaves, produced by {@link QueryParser} and
 * compiled by each matching or search engine.
 *
 * <p>Leaves keep the words as the user wrote them ({@code Müller}, not {@code muller}): case,
 * accents and umlauts are folded by the engine's analysis, the same way on the stream and in
 * history. {@link #toQueryString()} prints a node back in the query language so that {@code
 * QueryParser.parse(node.toQueryString())} gives an equal tree.
 */
public sealed interface QueryNode {

  /** The node in the query language, with parentheses wherever grouping must be kept. */
  String toQueryString();

  /**
   * A single word, e.g. {@code bahn}; a word the analysis splits ({@code e-mail}) acts as a phrase.
   */
  record Term(String word) implements QueryNode {
    public Term {
      word = requireText(word, "word");
    }

    @Override
    public String toQueryString() {
      return word;
    }
  }

  /** A trailing wildcard {@code bahn*}: any word starting with {@code prefix}. */
  record Prefix(String prefix) implements QueryNode {
    public Prefix {
      prefix = requireText(prefix, "wildcard prefix");
      if (prefix.codePointCount(0, prefix.length()) < QueryParser.MIN_PREFIX_LETTERS) {
        throw new IllegalArgumentException(
            "a wildcard needs at least "
                + QueryParser.MIN_PREFIX_LETTERS
                + " letters before '*', was '"
                + prefix
                + "*'");
      }
    }

    @Override
    public String toQueryString() {
      return prefix + "*";
    }
  }

  /** An exact phrase {@code "deutsche bahn"}: the words next to each other, in this order. */
  record Phrase(String text) implements QueryNode {
    public Phrase {
      text = requireText(text, "phrase");
      if (text.indexOf('"') >= 0) {
        throw new IllegalArgumentException("a phrase cannot contain '\"': " + text);
      }
    }

    @Override
    public String toQueryString() {
      return '"' + text + '"';
    }
  }

  /** All operands must match ({@code a AND b}, or just {@code a b}). */
  record And(List<QueryNode> operands) implements QueryNode {
    public And {
      operands = requireOperands(operands, "AND");
    }

    @Override
    public String toQueryString() {
      return operands.stream().map(QueryNode::grouped).collect(Collectors.joining(" AND "));
    }
  }

  /** At least one operand must match ({@code a OR b}). */
  record Or(List<QueryNode> operands) implements QueryNode {
    public Or {
      operands = requireOperands(operands, "OR");
    }

    @Override
    public String toQueryString() {
      return operands.stream().map(QueryNode::grouped).collect(Collectors.joining(" OR "));
    }
  }

  /** The operand must not match ({@code NOT a}, {@code -a}, {@code -"a b"}, {@code -(a OR b)}). */
  record Not(QueryNode operand) implements QueryNode {
    public Not {
      Objects.requireNonNull(operand, "operand of NOT");
    }

    @Override
    public String toQueryString() {
      return "NOT " + grouped(operand);
    }
  }

  /**
   * Two operands with at most {@code distance} words between them ({@code a NEAR/3 b}); when {@code
   * ordered}, {@code left} must come first ({@code a ONEAR/3 b}, Brandwatch's {@code a NEAR/3f b}).
   * Operands are words, wildcards, phrases, OR-groups of those, or other NEARs.
   */
  record Near(int distance, boolean ordered, QueryNode left, QueryNode right) implements QueryNode {
    public Near {
      if (distance < 0 || distance > QueryParser.MAX_NEAR_DISTANCE) {
        throw new IllegalArgumentException(
            "NEAR distance must be within 0.."
                + QueryParser.MAX_NEAR_DISTANCE
                + ", was "
                + distance);
      }
      Objects.requireNonNull(left, "left operand of NEAR");
      Objects.requireNonNull(right, "right operand of NEAR");
    }

    /** Both operands, left first. */
    public List<QueryNode> operands() {
      return List.of(left, right);
    }

    @Override
    public String toQueryString() {
      String operator = (ordered ? " ONEAR/" : " NEAR/") + distance + " ";
      return nearOperand(left) + operator + nearOperand(right);
    }

    private static String nearOperand(QueryNode node) {
      return node instanceof Or || node instanceof Near
          ? "(" + node.toQueryString() + ")"
          : node.toQueryString();
    }
  }

  /**
   * A filter on one of the post's keyword fields, e.g. {@code lang:de} or {@code site:heise.de}.
   * The value is kept as written; engines compare it case- and accent-insensitively.
   */
  record FieldFilter(Field field, String value) implements QueryNode {
    public FieldFilter {
      Objects.requireNonNull(field, "field");
      value = requireText(value, field.label() + " value");
      if (value.indexOf('"') >= 0) {
        throw new IllegalArgumentException("a field value cannot contain '\"': " + value);
      }
    }

    @Override
    public String toQueryString() {
      boolean bare =
          value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '(' || c == ')')
              && !value.contains(QueryParser.COMMENT_START);
      return field.label() + ":" + (bare ? value : '"' + value + '"');
    }
  }

  /** A query on the title only: {@code title:word}, {@code title:"a b"}, {@code title:(a OR b)}. */
  record InTitle(QueryNode query) implements QueryNode {
    public InTitle {
      Objects.requireNonNull(query, "title query");
    }

    @Override
    public String toQueryString() {
      boolean simple = query instanceof Term || query instanceof Prefix || query instanceof Phrase;
      return "title:" + (simple ? query.toQueryString() : "(" + query.toQueryString() + ")");
    }
  }

  /** A hashtag the post carries, {@code #bahnstreik}, kept without {@code #}. */
  record Hashtag(String tag) implements QueryNode {
    public Hashtag {
      tag = requireText(tag, "hashtag");
    }

    @Override
    public String toQueryString() {
      return "#" + tag;
    }
  }

  /** An account the post mentions, {@code @db_bahn}, kept without {@code @}. */
  record Mention(String account) implements QueryNode {
    public Mention {
      account = requireText(account, "mention");
    }

    @Override
    public String toQueryString() {
      return "@" + account;
    }
  }

  /** The keyword fields a {@link FieldFilter} can name; {@code title:} is {@link InTitle}. */
  enum Field {
    /** The post's language code ({@code lang:de}, {@code lang:und}). */
    LANG,
    /** The source's type ({@code source:forum}), id or name. */
    SOURCE,
    /** The author's name, handle or id. */
    AUTHOR,
    /** The post's host name or any parent domain: {@code site:heise.de} finds www.heise.de. */
    SITE,
    /** The post's role in its conversation ({@code kind:comment}). */
    KIND;

    /** The lower-case name used in queries. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static String grouped(QueryNode node) {
    return node instanceof And || node instanceof Or
        ? "(" + node.toQueryString() + ")"
        : node.toQueryString();
  }

  private static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return text;
  }

  private static List<QueryNode> requireOperands(List<QueryNode> operands, String operator) {
    List<QueryNode> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(
          operator + " needs at least two operands, was " + copy.size());
    }
    return copy;
  }
}
