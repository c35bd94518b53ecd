package org.cluetrain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cluetrain.model.PostKind;
import org.cluetrain.query.QueryNode.And;
import org.cluetrain.query.QueryNode.Field;
import org.cluetrain.query.QueryNode.FieldFilter;
import org.cluetrain.query.QueryNode.Hashtag;
import org.cluetrain.query.QueryNode.InTitle;
import org.cluetrain.query.QueryNode.Mention;
import org.cluetrain.query.QueryNode.Near;
import org.cluetrain.query.QueryNode.Not;
import org.cluetrain.query.QueryNode.Or;
import org.cluetrain.query.QueryNode.Phrase;
import org.cluetrain.query.QueryNode.Prefix;
import org.cluetrain.query.QueryNode.Term;
import org.cluetrain.query.QuerySyntaxException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Parses Cluetrain's query language into a {@link QueryNode} tree.
 *
 * <p>Grammar, loosest binding first (so {@code a OR b c} is {@code a OR (b AND c)} and {@code NOT a
 * b} is {@code (NOT a) AND b}):
 *
 * <pre>
 * query   = or
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }            whitespace between operands means AND
 * unary   = ("NOT" | "-") unary | near
 * near    = primary { ("NEAR/n" | "NEAR/nf" | "ONEAR/n") primary }
 * primary = word | word* | "phrase" | "(" or ")" | field:value | title:primary | #tag | @account
 * </pre>
 *
 * Comments {@code <<<like this>>>} count as whitespace. Every error is a {@link
 * QuerySyntaxException} naming the 1-based character position; nothing else is ever thrown for a
 * non-null string.
 */
public final class QueryParser {
  /** The longest query accepted, in characters (Talkwalker's line limit). */
  public static final int MAX_LENGTH = 4096;

  /** The largest n in {@code NEAR/n}. */
  public static final int MAX_NEAR_DISTANCE = 100;

  /** Letters needed before a trailing {@code *}, so that a wildcard cannot match half the index. */
  public static final int MIN_PREFIX_LETTERS = 3;

  /**
   * How deeply parentheses and NOTs may nest; deeper trees are never meant, only typed by accident.
   */
  static final int MAX_DEPTH = 100;

  static final String COMMENT_START = "<<<";
  static final String COMMENT_END = ">>>";

  private static final String FIELD_NAMES = "lang, source, author, site, title, kind";

  private enum Type {
    WORD,
    PHRASE,
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    MINUS,
    NEAR,
    FIELD,
    HASHTAG,
    MENTION,
    END
  }

  /** One token; {@code start} is 0-based, messages add 1. */
  private record Token(Type type, String text, int start, int distance, boolean ordered) {
    Token(Type type, String text, int start) {
      this(type, text, start, 0, false);
    }

    int column() {
      return start + 1;
    }

    Object describe() {
      return switch (type) {
        case END -> new Problem("found.end");
        case WORD, FIELD -> "'" + text + "'";
        case PHRASE -> new Problem("found.phrase", text);
        case HASHTAG -> "'#" + text + "'";
        case MENTION -> "'@" + text + "'";
        case LPAREN -> "'('";
        case RPAREN -> "')'";
        case MINUS -> "'-'";
        case AND, OR, NOT, NEAR -> text;
      };
    }
  }

  private final String query;
  private int pos;
  private Token token;
  private int depth;
  private boolean inTitle;

  /** A parser positioned on the query's first token. */
  private QueryParser(String query) throws QuerySyntaxException {
    this.query = query;
    this.token = next();
  }

  /**
   * Parses a query.
   *
   * @throws QuerySyntaxException when the text is not a valid query; the message names the position
   *     and what was expected there
   */
  public static QueryNode parse(String query) throws QuerySyntaxException {
    Objects.requireNonNull(query, "query");
    if (query.length() > MAX_LENGTH) {
      throw new QuerySyntaxException(
          MAX_LENGTH + 1, "length", query.length(), String.format(Locale.ROOT, "%,d", MAX_LENGTH));
    }
    return new QueryParser(query).parseQuery();
  }

  private QueryNode parseQuery() throws QuerySyntaxException {
    if (token.type == Type.END) {
      throw new QuerySyntaxException(1, "empty");
    }
    QueryNode root = parseOr(null);
    if (token.type == Type.RPAREN) {
      throw error(token, "unmatched.close");
    }
    if (token.type != Type.END) {
      throw error(token, "unexpected", token.describe());
    }
    if (!hasPositive(root)) {
      throw new QuerySyntaxException(1, "no.positive");
    }
    return root;
  }

  private QueryNode parseOr(@Nullable String after) throws QuerySyntaxException {
    List<QueryNode> operands = new ArrayList<>();
    operands.add(parseAnd(after));
    while (token.type == Type.OR) {
      advance();
      operands.add(parseAnd("OR"));
    }
    return operands.size() == 1 ? operands.get(0) : new Or(operands);
  }

  private QueryNode parseAnd(@Nullable String after) throws QuerySyntaxException {
    List<QueryNode> operands = new ArrayList<>();
    operands.add(parseUnary(after));
    while (true) {
      if (token.type == Type.AND) {
        advance();
        operands.add(parseUnary("AND"));
      } else if (startsOperand(token.type)) {
        operands.add(parseUnary(null));
      } else {
        break;
      }
    }
    return operands.size() == 1 ? operands.get(0) : new And(operands);
  }

  private static boolean startsOperand(Type type) {
    return switch (type) {
      case WORD, PHRASE, LPAREN, FIELD, HASHTAG, MENTION, NOT, MINUS -> true;
      default -> false;
    };
  }

  private QueryNode parseUnary(@Nullable String after) throws QuerySyntaxException {
    if (token.type == Type.NOT || token.type == Type.MINUS) {
      Token operator = token;
      enter(operator);
      advance();
      QueryNode operand = parseUnary(operator.type == Type.NOT ? "NOT" : "'-'");
      depth--;
      return new Not(operand);
    }
    return parseNear(after);
  }

  private QueryNode parseNear(@Nullable String after) throws QuerySyntaxException {
    Token first = token;
    QueryNode left = parsePrimary(after);
    while (token.type == Type.NEAR) {
      Token operator = token;
      requireNearOperand(left, first, operator);
      advance();
      if (token.type == Type.NOT || token.type == Type.MINUS) {
        throw error(token, "near.not", operator.text);
      }
      Token second = token;
      QueryNode right = parsePrimary(operator.text);
      requireNearOperand(right, second, operator);
      left = new Near(operator.distance, operator.ordered, left, right);
    }
    return left;
  }

  private void requireNearOperand(QueryNode node, Token at, Token operator)
      throws QuerySyntaxException {
    Object found = notNearable(node);
    if (found != null) {
      throw error(at, "near.operand", operator.text, found);
    }
  }

  /** What makes a node unusable inside NEAR, or {@code null} when it is fine. */
  private static @Nullable Object notNearable(QueryNode node) {
    if (node instanceof Or or) {
      for (QueryNode operand : or.operands()) {
        Object found = notNearable(operand);
        if (found != null) {
          return found;
        }
      }
      return null;
    } else if (node instanceof Not) {
      return "NOT";
    } else if (node instanceof And) {
      return new Problem("near.and");
    } else if (node instanceof FieldFilter filter) {
      return new Problem("near.field", filter.field().label());
    } else if (node instanceof InTitle) {
      return new Problem("near.field", "title");
    } else if (node instanceof Hashtag) {
      return new Problem("near.hashtag");
    } else if (node instanceof Mention) {
      return new Problem("near.mention");
    }
    return null; // words, wildcards, phrases and NEARs
  }

  private QueryNode parsePrimary(@Nullable String after) throws QuerySyntaxException {
    Token current = token;
    switch (current.type) {
      case WORD:
        advance();
        return word(current);
      case PHRASE:
        advance();
        return phrase(current);
      case LPAREN:
        return group(current);
      case FIELD:
        return field(current);
      case HASHTAG:
      case MENTION:
        if (inTitle) {
          throw error(current, "title.tags");
        }
        advance();
        return current.type == Type.HASHTAG ? hashtag(current) : mention(current);
      default:
        throw after == null
            ? error(current, "expected.primary", current.describe())
            : error(current, "expected.primary.after", after, current.describe());
    }
  }

  private QueryNode group(Token open) throws QuerySyntaxException {
    enter(open);
    advance();
    if (token.type == Type.RPAREN) {
      throw error(open, "group.empty");
    }
    QueryNode inner = parseOr("'('");
    if (token.type != Type.RPAREN) {
      throw error(token, "expected.close", open.column(), token.describe());
    }
    depth--;
    advance();
    return inner;
  }

  private QueryNode word(Token word) throws QuerySyntaxException {
    String text = word.text;
    int star = text.indexOf('*');
    if (star < 0) {
      requireLetterOrDigit(text, word, new Problem("what.word", text));
      return new Term(text);
    }
    if (star != text.length() - 1) {
      throw new QuerySyntaxException(word.column() + star, "star.end");
    }
    String prefix = text.substring(0, star);
    if (!prefix.codePoints().allMatch(Character::isLetterOrDigit)) {
      throw error(word, "wildcard.chars", text);
    }
    if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX_LETTERS) {
      throw error(word, "wildcard.short", MIN_PREFIX_LETTERS, text);
    }
    return new Prefix(prefix);
  }

  private QueryNode phrase(Token phrase) throws QuerySyntaxException {
    String text = phrase.text;
    int star = text.indexOf('*');
    if (star >= 0) {
      throw new QuerySyntaxException(phrase.column() + 1 + star, "phrase.star");
    }
    if (text.isBlank()) {
      throw error(phrase, "phrase.empty", text);
    }
    requireLetterOrDigit(text, phrase, new Problem("what.phrase", text));
    return new Phrase(text);
  }

  private QueryNode hashtag(Token tag) throws QuerySyntaxException {
    if (tag.text.isEmpty()
        || !tag.text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      throw error(tag, "hashtag", tag.text);
    }
    return new Hashtag(tag.text);
  }

  private QueryNode mention(Token account) throws QuerySyntaxException {
    String text = account.text;
    boolean valid =
        !text.isEmpty()
            && (Character.isLetterOrDigit(text.codePointAt(0)) || text.charAt(0) == '_')
            && text.codePoints()
                .allMatch(c -> Character.isLetterOrDigit(c) || "_.-@".indexOf(c) >= 0);
    if (!valid) {
      throw error(account, "mention", text);
    }
    return new Mention(text);
  }

  private QueryNode field(Token name) throws QuerySyntaxException {
    if (inTitle) {
      throw error(name, "field.in.title");
    }
    String label = name.text.toLowerCase(Locale.ROOT);
    int valueStart = name.start + name.text.length() + 1;
    if (label.equals("title")) {
      advance();
      boolean primary =
          switch (token.type) {
            case WORD, PHRASE, LPAREN, FIELD, HASHTAG, MENTION -> true;
            default -> false;
          };
      if (token.start != valueStart || !primary) {
        throw new QuerySyntaxException(valueStart + 1, "title.value");
      }
      inTitle = true;
      QueryNode inner = parsePrimary("title:");
      inTitle = false;
      return new InTitle(inner);
    }
    Field field = fieldNamed(label, name);
    QueryNode filter = fieldValues(field, name);
    advance();
    return filter;
  }

  private Field fieldNamed(String label, Token name) throws QuerySyntaxException {
    for (Field field : Field.values()) {
      if (field.label().equals(label)) {
        return field;
      }
    }
    throw error(name, "field.unknown", name.text, FIELD_NAMES);
  }

  /** Reads {@code value}, {@code "a value"} or {@code (v1 OR v2)} right after the colon. */
  private QueryNode fieldValues(Field field, Token name) throws QuerySyntaxException {
    if (pos < query.length() && query.charAt(pos) == '(') {
      int open = pos;
      pos++;
      List<QueryNode> values = new ArrayList<>();
      while (true) {
        skipSpace();
        values.add(fieldValue(field));
        skipSpace();
        if (query.startsWith(")", pos)) {
          pos++;
          break;
        }
        if (query.startsWith("OR", pos)
            && (pos + 2 == query.length()
                || Character.isWhitespace(query.charAt(pos + 2))
                || query.charAt(pos + 2) == '"')) {
          pos += 2;
          continue;
        }
        throw new QuerySyntaxException(
            pos + 1,
            "field.values.close",
            open + 1,
            field.label(),
            pos < query.length()
                ? new Problem("found.char", query.charAt(pos))
                : new Problem("found.end"));
      }
      return values.size() == 1 ? values.get(0) : new Or(values);
    }
    return fieldValue(field);
  }

  private QueryNode fieldValue(Field field) throws QuerySyntaxException {
    int start = pos;
    String value;
    if (pos < query.length() && query.charAt(pos) == '"') {
      int close = query.indexOf('"', pos + 1);
      if (close < 0) {
        throw new QuerySyntaxException(query.length() + 1, "value.quote", pos + 1);
      }
      value = query.substring(pos + 1, close).strip();
      pos = close + 1;
    } else {
      int end = pos;
      while (end < query.length() && !endsWord(end)) {
        end++;
      }
      value = query.substring(pos, end);
      pos = end;
    }
    if (value.isEmpty()) {
      throw new QuerySyntaxException(start + 1, "value.missing", field.label());
    }
    switch (field) {
      case LANG -> {
        if (!value.matches("[A-Za-z]{2,3}")) {
          throw new QuerySyntaxException(start + 1, "lang", value);
        }
      }
      case KIND -> {
        try {
          PostKind.fromLabel(value);
        } catch (IllegalArgumentException unknown) {
          throw new QuerySyntaxException(start + 1, "kind", value);
        }
      }
      default ->
          requireLetterOrDigit(value, start + 1, new Problem("what.value", field.label(), value));
    }
    return new FieldFilter(field, value);
  }

  private void requireLetterOrDigit(String text, Token at, Problem what)
      throws QuerySyntaxException {
    requireLetterOrDigit(text, at.column(), what);
  }

  private static void requireLetterOrDigit(String text, int column, Problem what)
      throws QuerySyntaxException {
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new QuerySyntaxException(column, "no.letters", what);
    }
  }

  private void enter(Token at) throws QuerySyntaxException {
    if (++depth > MAX_DEPTH) {
      throw error(at, "depth", MAX_DEPTH);
    }
  }

  private static boolean hasPositive(QueryNode node) {
    if (node instanceof Not) {
      return false;
    } else if (node instanceof And and) {
      return and.operands().stream().anyMatch(QueryParser::hasPositive);
    } else if (node instanceof Or or) {
      return or.operands().stream().anyMatch(QueryParser::hasPositive);
    } else if (node instanceof InTitle title) {
      return hasPositive(title.query());
    }
    return true;
  }

  private static QuerySyntaxException error(Token at, String key, Object... args) {
    return new QuerySyntaxException(at.column(), key, args);
  }

  // ---- the lexer: tokens are read on demand because field values are read raw ----

  private void advance() throws QuerySyntaxException {
    token = next();
  }

  private void skipSpace() throws QuerySyntaxException {
    while (pos < query.length()) {
      if (Character.isWhitespace(query.charAt(pos))) {
        pos++;
      } else if (query.startsWith(COMMENT_START, pos)) {
        int end = query.indexOf(COMMENT_END, pos + COMMENT_START.length());
        if (end < 0) {
          throw new QuerySyntaxException(pos + 1, "comment.open", COMMENT_START, COMMENT_END);
        }
        pos = end + COMMENT_END.length();
      } else {
        return;
      }
    }
  }

  private boolean endsWord(int at) {
    char c = query.charAt(at);
    return Character.isWhitespace(c)
        || c == '('
        || c == ')'
        || c == '"'
        || query.startsWith(COMMENT_START, at);
  }

  private Token next() throws QuerySyntaxException {
    skipSpace();
    int start = pos;
    if (pos >= query.length()) {
      return new Token(Type.END, "", query.length());
    }
    char c = query.charAt(pos);
    switch (c) {
      case '(':
        pos++;
        return new Token(Type.LPAREN, "(", start);
      case ')':
        pos++;
        return new Token(Type.RPAREN, ")", start);
      case '"':
        int close = query.indexOf('"', pos + 1);
        if (close < 0) {
          throw new QuerySyntaxException(query.length() + 1, "phrase.quote", start + 1);
        }
        pos = close + 1;
        return new Token(Type.PHRASE, query.substring(start + 1, close), start);
      case '-':
        if (pos + 1 < query.length()
            && !Character.isWhitespace(query.charAt(pos + 1))
            && query.charAt(pos + 1) != ')') {
          pos++;
          return new Token(Type.MINUS, "-", start);
        }
        throw new QuerySyntaxException(start + 1, "minus");
      default:
        break;
    }
    int end = pos;
    while (end < query.length() && !endsWord(end)) {
      end++;
    }
    String run = query.substring(pos, end);
    if (c == '#' || c == '@') {
      pos = end;
      return new Token(c == '#' ? Type.HASHTAG : Type.MENTION, run.substring(1), start);
    }
    Token field = fieldName(run, start, end);
    if (field != null) {
      pos = start + field.text.length() + 1;
      return field;
    }
    pos = end;
    switch (run) {
      case "AND":
        return new Token(Type.AND, run, start);
      case "OR":
        return new Token(Type.OR, run, start);
      case "NOT":
        return new Token(Type.NOT, run, start);
      default:
        break;
    }
    if (run.startsWith("NEAR") || run.startsWith("ONEAR")) {
      return near(run, start);
    }
    return new Token(Type.WORD, run, start);
  }

  /**
   * A field name when the run is {@code letters:} followed directly by a value ({@code lang:de},
   * {@code title:(…)}); {@code Achtung:} before a space and URLs ({@code https://…}) are words.
   */
  private @Nullable Token fieldName(String run, int start, int end) throws QuerySyntaxException {
    int colon = run.indexOf(':');
    if (colon < 1 || !run.substring(0, colon).chars().allMatch(Character::isLetter)) {
      return null;
    }
    String name = run.substring(0, colon);
    boolean valueFollows =
        colon + 1 < run.length()
            || (end < query.length() && (query.charAt(end) == '(' || query.charAt(end) == '"'));
    if (run.startsWith("//", colon + 1)) {
      return null;
    }
    if (!valueFollows) {
      if (isField(name)) {
        throw new QuerySyntaxException(
            start + colon + 2, "value.missing", name.toLowerCase(Locale.ROOT));
      }
      return null;
    }
    return new Token(Type.FIELD, name, start);
  }

  private static boolean isField(String name) {
    String label = name.toLowerCase(Locale.ROOT);
    if (label.equals("title")) {
      return true;
    }
    for (Field field : Field.values()) {
      if (field.label().equals(label)) {
        return true;
      }
    }
    return false;
  }

  private static Token near(String run, int start) throws QuerySyntaxException {
    boolean onear = run.startsWith("ONEAR");
    String operator = onear ? "ONEAR" : "NEAR";
    String rest = run.substring(operator.length());
    boolean suffixF = rest.endsWith("f");
    String digits =
        rest.startsWith("/") ? rest.substring(1, rest.length() - (suffixF ? 1 : 0)) : "";
    if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) {
      if (!rest.isEmpty() && !rest.startsWith("/")) {
        // NEARBY, ONEARTH: an ordinary word that happens to start with NEAR
        return new Token(Type.WORD, run, start);
      }
      throw new QuerySyntaxException(start + 1, "distance.missing", operator, run);
    }
    int distance = Integer.parseInt(digits);
    if (distance > MAX_NEAR_DISTANCE) {
      throw new QuerySyntaxException(start + 1, "distance.large", run, operator, MAX_NEAR_DISTANCE);
    }
    String text = operator + "/" + distance + (suffixF ? "f" : "");
    return new Token(Type.NEAR, text, start, distance, onear || suffixF);
  }
}
