package org.cluetrain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

  static QueryNode parse(String query) throws QuerySyntaxException {
    return QueryParser.parse(query);
  }

  static Term t(String word) {
    return new Term(word);
  }

  static And and(QueryNode... operands) {
    return new And(List.of(operands));
  }

  static Or or(QueryNode... operands) {
    return new Or(List.of(operands));
  }

  @Nested
  class Leaves {
    @Test
    void aSingleWord() throws Exception {
      assertThat(parse("bahn")).isEqualTo(t("bahn"));
    }

    @Test
    void germanWordsWithUmlautsAndSharpS() throws Exception {
      assertThat(parse("Müller Straße Größe")).isEqualTo(and(t("Müller"), t("Straße"), t("Größe")));
    }

    @Test
    void aPhraseKeepsItsText() throws Exception {
      assertThat(parse("\"deutsche Bahn\"")).isEqualTo(new Phrase("deutsche Bahn"));
    }

    @Test
    void aTrailingWildcard() throws Exception {
      assertThat(parse("bahn*")).isEqualTo(new Prefix("bahn"));
      assertThat(parse("Verspät*")).isEqualTo(new Prefix("Verspät"));
    }

    @Test
    void hashtagsAndMentions() throws Exception {
      assertThat(parse("#Bahnstreik @db_bahn @heise@social.heise.de"))
          .isEqualTo(
              and(
                  new Hashtag("Bahnstreik"),
                  new Mention("db_bahn"),
                  new Mention("heise@social.heise.de")));
    }

    @Test
    void hyphenatedWordsAreOneTerm() throws Exception {
      assertThat(parse("e-mail")).isEqualTo(t("e-mail"));
    }

    @Test
    void lowerCaseOperatorsAreOrdinaryWords() throws Exception {
      assertThat(parse("rock and roll or not"))
          .isEqualTo(and(t("rock"), t("and"), t("roll"), t("or"), t("not")));
    }

    @Test
    void wordsThatStartLikeNearAreWords() throws Exception {
      assertThat(parse("NEARBY")).isEqualTo(t("NEARBY"));
    }

    @Test
    void aColonBeforeSpaceOrInAUrlIsPartOfTheWord() throws Exception {
      assertThat(parse("Achtung: https://heise.de/x"))
          .isEqualTo(and(t("Achtung:"), t("https://heise.de/x")));
      assertThat(parse("10:30")).isEqualTo(t("10:30"));
    }
  }

  @Nested
  class Operators {
    @Test
    void whitespaceMeansAnd() throws Exception {
      assertThat(parse("bahn streik")).isEqualTo(parse("bahn AND streik"));
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
      assertThat(parse("a OR b c")).isEqualTo(or(t("a"), and(t("b"), t("c"))));
      assertThat(parse("a b OR c")).isEqualTo(or(and(t("a"), t("b")), t("c")));
    }

    @Test
    void notBindsTighterThanAnd() throws Exception {
      assertThat(parse("NOT a b")).isEqualTo(and(new Not(t("a")), t("b")));
    }

    @Test
    void minusIsNot() throws Exception {
      assertThat(parse("bahn -werbung -\"sponsored post\" -(rabatt OR gutschein)"))
          .isEqualTo(
              and(
                  t("bahn"),
                  new Not(t("werbung")),
                  new Not(new Phrase("sponsored post")),
                  new Not(or(t("rabatt"), t("gutschein")))));
    }

    @Test
    void parenthesesGroup() throws Exception {
      assertThat(parse("(a OR b) (c OR d)")).isEqualTo(and(or(t("a"), t("b")), or(t("c"), t("d"))));
    }

    @Test
    void nestedGroupsKeepTheirStructure() throws Exception {
      assertThat(parse("a ((b OR c) d)")).isEqualTo(and(t("a"), and(or(t("b"), t("c")), t("d"))));
    }

    @Test
    void commentsAreIgnored() throws Exception {
      assertThat(parse("<<<Marke>>> bahn <<<und Varianten>>> OR db"))
          .isEqualTo(or(t("bahn"), t("db")));
      assertThat(parse("bahn<<<x>>>streik")).isEqualTo(and(t("bahn"), t("streik")));
    }

    @Test
    void aPhraseKeepsCommentMarkersLiterally() throws Exception {
      assertThat(parse("\"a <<<b>>>\"")).isEqualTo(new Phrase("a <<<b>>>"));
    }

    @Test
    void notMayFollowOr() throws Exception {
      assertThat(parse("a OR NOT b")).isEqualTo(or(t("a"), new Not(t("b"))));
    }
  }

  @Nested
  class Proximity {
    @Test
    void nearBetweenWords() throws Exception {
      assertThat(parse("bahn NEAR/3 streik")).isEqualTo(new Near(3, false, t("bahn"), t("streik")));
    }

    @Test
    void orderedNearBothSpellings() throws Exception {
      Near expected = new Near(2, true, t("deutsche"), t("bahn"));
      assertThat(parse("deutsche ONEAR/2 bahn")).isEqualTo(expected);
      assertThat(parse("deutsche NEAR/2f bahn")).isEqualTo(expected);
    }

    @Test
    void nearBetweenPhrasesWildcardsAndOrGroups() throws Exception {
      assertThat(parse("(\"deutsche bahn\" OR db) NEAR/5 (streik* OR verspätung)"))
          .isEqualTo(
              new Near(
                  5,
                  false,
                  or(new Phrase("deutsche bahn"), t("db")),
                  or(new Prefix("streik"), t("verspätung"))));
    }

    @Test
    void nearBindsTighterThanAndAndNot() throws Exception {
      assertThat(parse("a b NEAR/2 c")).isEqualTo(and(t("a"), new Near(2, false, t("b"), t("c"))));
      assertThat(parse("a -b NEAR/2 c"))
          .isEqualTo(and(t("a"), new Not(new Near(2, false, t("b"), t("c")))));
    }

    @Test
    void nearChainsToTheLeft() throws Exception {
      Near inner = new Near(2, false, t("a"), t("b"));
      assertThat(parse("a NEAR/2 b NEAR/3 c")).isEqualTo(new Near(3, false, inner, t("c")));
      assertThat(parse("(a NEAR/2 b) NEAR/3 c")).isEqualTo(new Near(3, false, inner, t("c")));
    }

    @Test
    void distanceZeroMeansAdjacent() throws Exception {
      assertThat(parse("a NEAR/0 b")).isEqualTo(new Near(0, false, t("a"), t("b")));
    }

    @Test
    void nearInsideTitle() throws Exception {
      assertThat(parse("title:(bahn NEAR/2 streik)"))
          .isEqualTo(new InTitle(new Near(2, false, t("bahn"), t("streik"))));
    }
  }

  @Nested
  class Fields {
    @Test
    void everyKeywordField() throws Exception {
      assertThat(
              parse(
                  "lang:de source:forum author:\"Hans Müller\" site:heise.de kind:comment"
                      + " source:feed:https://example.org/feed"))
          .isEqualTo(
              and(
                  new FieldFilter(Field.LANG, "de"),
                  new FieldFilter(Field.SOURCE, "forum"),
                  new FieldFilter(Field.AUTHOR, "Hans Müller"),
                  new FieldFilter(Field.SITE, "heise.de"),
                  new FieldFilter(Field.KIND, "comment"),
                  new FieldFilter(Field.SOURCE, "feed:https://example.org/feed")));
    }

    @Test
    void fieldNamesIgnoreCase() throws Exception {
      assertThat(parse("LANG:de")).isEqualTo(new FieldFilter(Field.LANG, "de"));
    }

    @Test
    void aGroupOfValuesIsAnOr() throws Exception {
      assertThat(parse("lang:(de OR en)"))
          .isEqualTo(or(new FieldFilter(Field.LANG, "de"), new FieldFilter(Field.LANG, "en")));
    }

    @Test
    void titleTakesAWordPhraseWildcardOrGroup() throws Exception {
      assertThat(parse("title:bahn")).isEqualTo(new InTitle(t("bahn")));
      assertThat(parse("title:\"deutsche bahn\""))
          .isEqualTo(new InTitle(new Phrase("deutsche bahn")));
      assertThat(parse("title:bahn*")).isEqualTo(new InTitle(new Prefix("bahn")));
      assertThat(parse("title:(a OR b)")).isEqualTo(new InTitle(or(t("a"), t("b"))));
    }

    @Test
    void fieldsCombineWithTerms() throws Exception {
      assertThat(parse("bahn lang:de -kind:pingback"))
          .isEqualTo(
              and(
                  t("bahn"),
                  new FieldFilter(Field.LANG, "de"),
                  new Not(new FieldFilter(Field.KIND, "pingback"))));
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            a (b OR c d e | at 14: expected ')' to close '(' at 3, found end of query
            zug ba*       | at 5: a wildcard needs at least 3 letters before '*', found 'ba*'
            lnag:de       | at 1: unknown field 'lnag', expected one of lang, source, author, site, title, kind
            -bahn         | at 1: a query needs at least one positive term; NOT and '-' only exclude
            NOT a -b      | at 1: a query needs at least one positive term; NOT and '-' only exclude
            a)            | at 2: unexpected ')' without a matching '('
            a OR          | at 5: expected a word, phrase or '(' after OR, found end of query
            OR a          | at 1: expected a word, phrase or '(', found OR
            a AND AND b   | at 7: expected a word, phrase or '(' after AND, found AND
            ()            | at 1: the group '()' is empty
            (a b) c)      | at 8: unexpected ')' without a matching '('
            *bahn         | at 1: '*' is allowed only at the end of a word, as in bahn*
            ba*hn         | at 3: '*' is allowed only at the end of a word, as in bahn*
            *             | at 1: a wildcard needs at least 3 letters before '*', found '*'
            e-ma*         | at 1: a wildcard may have only letters and digits before '*', found 'e-ma*'
            "bahn*"       | at 6: '*' is not allowed inside a phrase; a phrase matches its words exactly
            "bahn         | at 6: expected '"' to close the phrase started at 1, found end of query
            ""            | at 1: the phrase "" is empty
            !!!           | at 1: the word '!!!' has no letters or digits to search for
            a - b         | at 3: '-' must be followed directly by the word, phrase or '(' to exclude
            a NEAR/3 -b   | at 10: NOT is not allowed inside NEAR/3; NEAR works between words, phrases, wildcards and OR-groups of those
            a NEAR/3 (b OR NOT c) | at 10: NEAR/3 cannot take NOT; NEAR works between words, phrases, wildcards and OR-groups of those
            (a b) NEAR/2 c | at 1: NEAR/2 cannot take an AND group (use a phrase or an OR-group); NEAR works between words, phrases, wildcards and OR-groups of those
            lang:de NEAR/2 c | at 1: NEAR/2 cannot take the field filter 'lang:'; NEAR works between words, phrases, wildcards and OR-groups of those
            a ONEAR/2 #tag | at 11: ONEAR/2 cannot take a hashtag; NEAR works between words, phrases, wildcards and OR-groups of those
            a NEAR b      | at 3: NEAR needs a distance, as in NEAR/3, found 'NEAR'
            a NEAR/x b    | at 3: NEAR needs a distance, as in NEAR/3, found 'NEAR/x'
            a NEAR/500 b  | at 3: the distance of NEAR/500 is too large; at most NEAR/100 is allowed
            NEAR/3 a      | at 1: expected a word, phrase or '(', found NEAR/3
            lang:deutsch  | at 6: a language is a two-letter code such as de or en (or und), found 'deutsch'
            kind:kommentar | at 6: unknown post kind 'kommentar', expected one of post, comment, reply, pingback, trackback
            lang: de      | at 6: expected a value right after 'lang:'
            title: bahn   | at 7: expected a value right after 'title:'
            title:lang:de | at 7: field filters cannot be used inside title:
            title:(#a)    | at 8: hashtags and mentions cannot be used inside title:
            title:-a      | at 7: expected a word, phrase or '(' right after 'title:'
            author:""     | at 8: expected a value right after 'author:'
            lang:(de en)  | at 10: expected OR or ')' to close '(' at 6 in the values of 'lang:', found 'e'
            #             | at 1: a hashtag is '#' followed by letters, digits or '_', found '#'
            #bahn!        | at 1: a hashtag is '#' followed by letters, digits or '_', found '#bahn!'
            @             | at 1: a mention is '@' followed by an account name (letters, digits, '_', '.', '-', '@'), found '@'
            a <<<comment  | at 3: the comment '<<<' is not closed with '>>>'
            <<<only a comment>>> | at 1: the query is empty
            """)
    void reportsPositionAndProblem(String query, String message) {
      assertThatThrownBy(() -> parse(query))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void anEmptyQuery(String query) {
      assertThatThrownBy(() -> parse(query))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("at 1: the query is empty");
    }

    @Test
    void thePositionIsAvailableSeparately() {
      assertThatThrownBy(() -> parse("a (b OR c d e"))
          .isInstanceOfSatisfying(
              QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(14));
    }

    @Test
    void aQueryAtTheLengthLimitParses() throws Exception {
      String query = "bahn ".repeat(818) + "zug123";
      assertThat(query).hasSize(QueryParser.MAX_LENGTH);
      assertThat(parse(query)).isInstanceOf(And.class);
    }

    @Test
    void aQueryOverTheLengthLimitIsRejected() {
      String query = "x".repeat(QueryParser.MAX_LENGTH + 1);
      assertThatThrownBy(() -> parse(query))
          .hasMessage("at 4097: the query has 4097 characters, more than the limit of 4,096");
    }

    @Test
    void deepNestingIsRejectedNotAStackOverflow() {
      String query = "(".repeat(2000) + "a" + ")".repeat(2000);
      assertThatThrownBy(() -> parse(query))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("at 101: the query nests parentheses and NOTs more than 100 deep");
    }
  }

  @Nested
  class DocumentedExamples {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "(\"deutsche bahn\" OR db OR bahn*) NEAR/5 (streik* OR verspätung*) lang:de -werbung",
          "<<<Krisen-Radar>>> (bahn OR db) NEAR/3 (streik* OR ausfall* OR verspät*) lang:de",
          "\"deutsche bahn\" -(werbung OR rabatt OR gewinnspiel) -kind:pingback",
          "(müller OR \"hans müller\") site:heise.de kind:(comment OR reply)",
          "title:(rückruf OR \"recall\") (auto* OR fahrzeug*)",
          "#bahnstreik OR (@db_bahn streik)",
          "customer ONEAR/2 (service OR support) -(great OR excellent) lang:en",
          "\"customer service\" NEAR/5 (terrible OR awful OR \"never again\")",
          "(delay* OR cancel*) NEAR/3 train* source:twitter",
          "<<<Marke und Schreibweisen>>> (\"deutsche bahn\" OR db OR bahn) <<<ohne Eigenwerbung>>>"
              + " -site:bahn.de",
          "source:feed:https://example.org/feed author:@anna_k author:\"Jürgen Weiß\"",
          "Achtung: Streik https://heise.de/x"
        })
    void parseAndPrintBack(String query) throws Exception {
      QueryNode tree = parse(query);
      assertThat(parse(tree.toQueryString())).isEqualTo(tree);
    }
  }

  @Nested
  class Printing {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "bahn",
          "bahn streik",
          "a OR b c",
          "(a OR b) -c",
          "\"deutsche bahn\" NEAR/3 (streik* OR ausfall)",
          "a NEAR/2 b NEAR/3f c",
          "title:(a OR \"b c\") lang:(de OR en) author:\"Hans Müller\" site:heise.de",
          "#bahn OR @db_bahn kind:comment",
          "a NOT NOT b",
          "a ((b OR c) d) <<<comment>>>",
          "Achtung: https://heise.de/x source:feed:https://example.org/feed"
        })
    void printedQueriesParseToTheSameTree(String query) throws Exception {
      QueryNode tree = parse(query);
      assertThat(parse(tree.toQueryString())).isEqualTo(tree);
    }

    @Test
    void printsCanonically() throws Exception {
      assertThat(parse("a b OR -c NEAR/2f d").toQueryString())
          .isEqualTo("(a AND b) OR NOT c ONEAR/2 d");
      assertThat(parse("author:\"Hans Müller\"").toQueryString())
          .isEqualTo("author:\"Hans Müller\"");
    }
  }
}
