package org.cluetrain.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTest {

  @Nested
  class Neutralising {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "=HYPERLINK(\"https://evil.example\")",
          "+49 30 1234",
          "-1+1",
          "@SUM(A1:A9)",
          "\t=1+1",
          "\r=1+1"
        })
    void aTextASpreadsheetWouldRunGetsALeadingApostrophe(String text) {
      assertThat(CsvTable.neutral(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bahn", " =1+1", "a=b", "'=1", "1-2"})
    void otherTextsStayAsTheyAre(String text) {
      assertThat(CsvTable.neutral(text)).isEqualTo(text);
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
      assertThat(CsvTable.cell(-3L)).isEqualTo("-3");
      assertThat(CsvTable.cell(2.5)).isEqualTo("2.5");
    }
  }

  @Nested
  class Quoting {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '\'',
        value = {
          "plain|plain",
          "a,b|\"a,b\"",
          "sagt \"nein\"|\"sagt \"\"nein\"\"\"",
          "=1,2|\"'=1,2\""
        })
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted(String text, String cell) {
      assertThat(CsvTable.cell(text)).isEqualTo(cell);
    }

    @Test
    void lineBreaksAreKeptInsideQuotes() {
      assertThat(CsvTable.cell("eins\nzwei")).isEqualTo("\"eins\nzwei\"");
      assertThat(CsvTable.cell("eins\r\nzwei")).isEqualTo("\"eins\r\nzwei\"");
    }

    @Test
    void listsAreJoinedAndNullIsEmpty() {
      assertThat(CsvTable.cell(List.of("bahn/marke", "bahn/app")))
          .isEqualTo("bahn/marke; bahn/app");
      assertThat(CsvTable.cell(null)).isEmpty();
      assertThat(CsvTable.cell(Instant.parse("2026-03-01T12:00:00Z")))
          .isEqualTo("2026-03-01T12:00:00Z");
    }
  }

  @Test
  void theFileStartsWithAByteOrderMarkAndTheHeaderAndEndsLinesWithCrLf() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriter table = new CsvTable(List.of("id", "text", "likes"), out);
    table.row(Arrays.asList("1", "Zug fällt aus 🚆", 3L));
    table.row(Arrays.asList("2", "-wieder", null));
    table.finish();

    byte[] bytes = out.toByteArray();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFid,text,likes\r\n1,Zug fällt aus 🚆,3\r\n2,'-wieder,\r\n");
  }
}
