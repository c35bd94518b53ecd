package org.cluetrain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Query problems are worded in English and German, the same problem in both. */
class QueryProblemWordingTest {
  static QuerySyntaxException problemOf(String query) {
    return catchThrowableOfType(() -> QueryParser.parse(query), QuerySyntaxException.class);
  }

  static Properties bundle(String suffix) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        QuerySyntaxException.class.getResourceAsStream("QueryProblems" + suffix + ".properties")) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void germanPagesGetGermanProblemsAtTheSamePosition() {
    QuerySyntaxException unclosed = problemOf("(bahn OR db");
    assertThat(unclosed.getMessage())
        .isEqualTo("at 12: expected ')' to close '(' at 1, found end of query");
    assertThat(unclosed.message(Locale.GERMAN))
        .isEqualTo("bei 12: erwartet wird ')' zum '(' bei 1, gefunden: Ende der Abfrage");
    assertThat(problemOf("lang:deutsch").message(Locale.GERMANY))
        .isEqualTo(
            "bei 6: eine Sprache ist ein Code aus zwei Buchstaben wie de oder en (oder und),"
                + " gefunden: 'deutsch'");
    assertThat(problemOf("bahn NEAR/3 (db AND ice)").message(Locale.GERMAN))
        .contains("NEAR/3 kann eine AND-Gruppe");
    assertThat(problemOf("\"!!\"").message(Locale.GERMAN))
        .isEqualTo(
            "bei 1: die Phrase \"!!\" enthält keine Buchstaben oder Ziffern, nach denen"
                + " gesucht werden kann");
  }

  @Test
  void everyProblemIsWordedInBothLanguagesWithTheSamePlaceholders() throws Exception {
    Properties english = bundle("");
    Properties german = bundle("_de");
    assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      for (int i = 0; i < 4; i++) {
        String placeholder = "{" + i + "}";
        assertThat(german.getProperty(key).contains(placeholder))
            .as("%s in %s", placeholder, key)
            .isEqualTo(english.getProperty(key).contains(placeholder));
      }
    }
  }
}
