package org.cluetrain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for every input: the parser fails only with {@link
 * QuerySyntaxException} at a position inside the text (or just after it), and printing a parsed
 * tree gives text that parses back to the same tree. Seeds are fixed so failures reproduce.
 */
class QueryParserPropertyTest {

  /** Fragments users type, broken ones included, so random strings hit every parser branch. */
  private static final String[] FRAGMENTS = {
    "bahn",
    "Müller",
    "Straße",
    "ÄÖÜ",
    "e-mail",
    "db",
    "x",
    "ab",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "(",
    ")",
    "\"",
    "*",
    "-",
    ":",
    "#",
    "@",
    "<<<",
    ">>>",
    "<",
    ">",
    "/",
    "f",
    "3",
    "0",
    "500",
    "AND",
    "OR",
    "NOT",
    "NEAR/2",
    "NEAR/",
    "ONEAR/1",
    "NEAR/3f",
    "NEAR",
    "and",
    "or",
    "lang:",
    "lang:de",
    "title:",
    "source:",
    "author:",
    "site:",
    "kind:",
    "kind:comment",
    "lnag:",
    "https://",
    "bahn*",
    "ba*",
    "\u00df",
    "\u0301",
    "\uD83D\uDE00",
    "é",
    "!",
    ".",
    "_"
  };

  @Test
  void randomStringsFailOnlyWithSyntaxErrorsAndPrintedTreesParseBack() {
    Random random = new Random(20240611L);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder query = new StringBuilder();
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        if (random.nextInt(5) == 0) {
          query.append((char) (32 + random.nextInt(400)));
        } else {
          query.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
      }
      if (checkParse(query.toString())) {
        parsed++;
      }
    }
    // the generator must exercise both outcomes, or the property proves little
    assertThat(parsed).isBetween(1_000, 19_000);
  }

  @Test
  void generatedTreesPrintAndParseBack() throws Exception {
    Random random = new Random(42L);
    for (int i = 0; i < 5_000; i++) {
      QueryNode tree = new And(List.of(new Term("anchor"), anyNode(random, 4, false)));
      String printed = tree.toQueryString();
      QueryNode reparsed;
      try {
        reparsed = QueryParser.parse(printed);
      } catch (QuerySyntaxException e) {
        throw new AssertionError("printed tree did not parse: " + printed + " / " + tree, e);
      }
      assertThat(reparsed).as(printed).isEqualTo(tree);
    }
  }

  /** True when the query parsed; fails the test on any exception other than a syntax error. */
  private static boolean checkParse(String query) {
    QueryNode tree;
    try {
      tree = QueryParser.parse(query);
    } catch (QuerySyntaxException e) {
      assertThat(e.position()).as(query).isBetween(1, query.length() + 1);
      assertThat(e.getMessage()).startsWith("at " + e.position() + ": ");
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      fail("parser threw " + e + " for: " + query, e);
      return false;
    }
    try {
      assertThat(QueryParser.parse(tree.toQueryString())).as(query).isEqualTo(tree);
    } catch (QuerySyntaxException e) {
      fail("printed " + tree.toQueryString() + " of " + query + " did not parse", e);
    }
    return true;
  }

  private static final String[] WORDS = {
    "bahn", "Müller", "Mueller", "Straße", "verspätung", "e-mail", "DB", "Zug", "streik", "heise"
  };
  private static final String[] VALUES = {
    "de", "en", "forum", "Hans Müller", "heise.de", "feed:https://example.org/feed", "x(y)"
  };

  private static QueryNode anyNode(Random random, int depth, boolean inTitle) {
    int choice = random.nextInt(depth <= 0 ? 3 : inTitle ? 7 : 11);
    return switch (choice) {
      case 0 -> new Term(WORDS[random.nextInt(WORDS.length)]);
      case 1 -> new Prefix(WORDS[random.nextInt(4)].substring(0, 3 + random.nextInt(2)));
      case 2 -> new Phrase(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(5)]);
      case 3 -> new And(operands(random, depth, inTitle));
      case 4 -> new Or(operands(random, depth, inTitle));
      case 5 -> new Not(anyNode(random, depth - 1, inTitle));
      case 6 ->
          new Near(
              random.nextInt(10),
              random.nextBoolean(),
              nearable(random, depth - 1),
              nearable(random, depth - 1));
      case 7 ->
          new FieldFilter(
              Field.values()[random.nextInt(3) + 1], VALUES[random.nextInt(VALUES.length)]);
      case 8 -> new InTitle(anyNode(random, depth - 1, true));
      case 9 -> random.nextBoolean() ? new Hashtag("bahnstreik") : new Mention("db_bahn");
      default -> new FieldFilter(Field.KIND, "comment");
    };
  }

  private static QueryNode nearable(Random random, int depth) {
    int choice = random.nextInt(depth <= 0 ? 3 : 5);
    return switch (choice) {
      case 0 -> new Term(WORDS[random.nextInt(WORDS.length)]);
      case 1 -> new Prefix("verspät");
      case 2 -> new Phrase("deutsche bahn");
      case 3 -> new Or(List.of(nearable(random, depth - 1), nearable(random, depth - 1)));
      default ->
          new Near(
              random.nextInt(5),
              random.nextBoolean(),
              nearable(random, depth - 1),
              nearable(random, depth - 1));
    };
  }

  private static List<QueryNode> operands(Random random, int depth, boolean inTitle) {
    List<QueryNode> operands = new ArrayList<>();
    int count = 2 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      operands.add(anyNode(random, depth - 1, inTitle));
    }
    return operands;
  }
}
