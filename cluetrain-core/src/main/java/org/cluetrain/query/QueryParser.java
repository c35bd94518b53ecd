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
  private static final String NEAR_OPERANDS =
      "NEAR works between words, phrases, wildcards and OR-groups of those";

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

    String describe() {
      return switch (type) {
        case END -> "end of query";
        case WORD, FIELD -> "'" + text + "'";
        case PHRASE -> "the phrase \"" + text + "\"";
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
          MAX_LENGTH + 1,
          "the query has "
              + query.length()
              + " characters, more than the limit of "
              + String.format(Locale.ROOT, "%,d", MAX_LENGTH));
    }
    return new QueryParser(query).parseQuery();
  }

  private QueryNode parseQuery() throws QuerySyntaxException {
    if (token.type == Type.END) {
      throw new QuerySyntaxException(1, "the query is empty");
    }
    QueryNode root = parseOr(null);
    if (token.type == Type.RPAREN) {
      throw error(token, "unexpected ')' without a matching '('");
    }
    if (token.type != Type.END) {
      throw error(token, "unexpected " + token.describe());
    }
    if (!hasPositive(root)) {
      throw new QuerySyntaxException(
          1, "a query needs at least one positive term; NOT and '-' only exclude");
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
        throw error(token, "NOT is not allowed inside " + operator.text + "; " + NEAR_OPERANDS);
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
    String found = notNearable(node);
    if (found != null) {
      throw error(at, operator.text + " cannot take " + found + "; " + NEAR_OPERANDS);
    }
  }

  /** What makes a node unusable inside NEAR, or {@code null} when it is fine. */
  private static @Nullable String notNearable(QueryNode node) {
    if (node instanceof Or or) {
      for (QueryNode operand : or.operands()) {
        String found = notNearable(operand);
        if (found != null) {
          return found;
        }
      }
      return null;
    } else if (node instanceof Not) {
      return "NOT";
    } else if (node instanceof And) {
      return "an AND group (use a phrase or an OR-group)";
    } else if (node instanceof FieldFilter filter) {
      return "the field filter '" + filter.field().label() + ":'";
    } else if (node instanceof InTitle) {
      return "the field filter 'title:'";
    } else if (node instanceof Hashtag) {
      return "a hashtag";
    } else if (node instanceof Mention) {
      return "a mention";
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
          throw error(current, "hashtags and mentions cannot be used inside title:");
        }
        advance();
        return current.type == Type.HASHTAG ? hashtag(current) : mention(current);
      default:
        throw error(
            current,
            "expected a word, phrase or '('"
                + (after == null ? "" : " after " + after)
                + ", found "
                + current.describe());
    }
  }

  private QueryNode group(Token open) throws QuerySyntaxException {
    enter(open);
    advance();
    if (token.type == Type.RPAREN) {
      throw error(open, "the group '()' is empty");
    }
    QueryNode inner = parseOr("'('");
    if (token.type != Type.RPAREN) {
      throw error(
          token, "expected ')' to close '(' at " + open.column() + ", found " + token.describe());
    }
    depth--;
    advance();
    return inner;
  }

  private QueryNode word(Token word) throws QuerySyntaxException {
    String text = word.text;
    int star = text.indexOf('*');
    if (star < 0) {
      requireLetterOrDigit(text, word, "the word '" + text + "'");
      return new Term(text);
    }
    if (star != text.length() - 1) {
      throw new QuerySyntaxException(
          word.column() + star, "'*' is allowed only at the end of a word, as in bahn*");
    }
    String prefix = text.substring(0, star);
    if (!prefix.codePoints().allMatch(Character::isLetterOrDigit)) {
      throw error(
          word, "a wildcard may have only letters and digits before '*', found '" + text + "'");
    }
    if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX_LETTERS) {
      throw error(
          word,
          "a wildcard needs at least "
              + MIN_PREFIX_LETTERS
              + " letters before '*', found '"
              + text
              + "'");
    }
    return new Prefix(prefix);
  }

  private QueryNode phrase(Token phrase) throws QuerySyntaxException {
    String text = phrase.text;
    int star = text.indexOf('*');
    if (star >= 0) {
      throw new QuerySyntaxException(
          phrase.column() + 1 + star,
          "'*' is not allowed inside a phrase; a phrase matches its words exactly");
    }
    if (text.isBlank()) {
      throw error(phrase, "the phrase \"" + text + "\" is empty");
    }
    requireLetterOrDigit(text, phrase, "the phrase \"" + text + "\"");
    return new Phrase(text);
  }

  private QueryNode hashtag(Token tag) throws QuerySyntaxException {
    if (tag.text.isEmpty()
        || !tag.text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
      throw error(
          tag, "a hashtag is '#' followed by letters, digits or '_', found '#" + tag.text + "'");
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
      throw error(
          account,
          "a mention is '@' followed by an account name (letters, digits, '_', '.', '-', '@'),"
              + " found '@"
              + text
              + "'");
    }
    return new Mention(text);
  }

  private QueryNode field(Token name) throws QuerySyntaxException {
    if (inTitle) {
      throw error(name, "field filters cannot be used inside title:");
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
        throw new QuerySyntaxException(
            valueStart + 1, "expected a word, phrase or '(' right after 'title:'");
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
    throw error(name, "unknown field '" + name.text + "', expected one of " + FIELD_NAMES);
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
            "expected OR or ')' to close '(' at "
                + (open + 1)
                + " in the values of '"
                + field.label()
                + ":', found "
                + (pos < query.length() ? "'" + query.charAt(pos) + "'" : "end of query"));
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
        throw new QuerySyntaxException(
            query.length() + 1,
            "expected '\"' to close the value started at " + (pos + 1) + ", found end of query");
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
      throw new QuerySyntaxException(
          start + 1, "expected a value right after '" + field.label() + ":'");
    }
    switch (field) {
      case LANG -> {
        if (!value.matches("[A-Za-z]{2,3}")) {
          throw new QuerySyntaxException(
              start + 1,
              "a language is a two-letter code such as de or en (or und), found '" + value + "'");
        }
      }
      case KIND -> {
        try {
          PostKind.fromLabel(value);
        } catch (IllegalArgumentException unknown) {
          throw new QuerySyntaxException(start + 1, String.valueOf(unknown.getMessage()));
        }
      }
      default ->
          requireLetterOrDigit(value, start + 1, "the " + field.label() + " '" + value + "'");
    }
    return new FieldFilter(field, value);
  }

  private void requireLetterOrDigit(String text, Token at, String what)
      throws QuerySyntaxException {
    requireLetterOrDigit(text, at.column(), what);
  }

  private static void requireLetterOrDigit(String text, int column, String what)
      throws QuerySyntaxException {
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new QuerySyntaxException(column, what + " has no letters or digits to search for");
    }
  }

  private void enter(Token at) throws QuerySyntaxException {
    if (++depth > MAX_DEPTH) {
      throw error(at, "the query nests parentheses and NOTs more than " + MAX_DEPTH + " deep");
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

  private static QuerySyntaxException error(Token at, String problem) {
    return new QuerySyntaxException(at.column(), problem);
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
          throw new QuerySyntaxException(
              pos + 1,
              "the comment '" + COMMENT_START + "' is not closed with '" + COMMENT_END + "'");
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
          throw new QuerySyntaxException(
              query.length() + 1,
              "expected '\"' to close the phrase started at "
                  + (start + 1)
                  + ", found end of query");
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
        throw new QuerySyntaxException(
            start + 1, "'-' must be followed directly by the word, phrase or '(' to exclude");
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
            start + colon + 2,
            "expected a value right after '" + name.toLowerCase(Locale.ROOT) + ":'");
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
      throw new QuerySyntaxException(
          start + 1, operator + " needs a distance, as in " + operator + "/3, found '" + run + "'");
    }
    int distance = Integer.parseInt(digits);
    if (distance > MAX_NEAR_DISTANCE) {
      throw new QuerySyntaxException(
          start + 1,
          "the distance of "
              + run
              + " is too large; at most "
              + operator
              + "/"
              + MAX_NEAR_DISTANCE
              + " is allowed");
    }
    String text = operator + "/" + distance + (suffixF ? "f" : "");
    return new Token(Type.NEAR, text, start, distance, onear || suffixF);
  }
}
