package org.cluetrain.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "120 | 2024-05-01T08:02:00Z",
        "0 | 2024-05-01T08:00:00Z",
        "Wed, 01 May 2024 10:30:00 GMT | 2024-05-01T10:30:00Z",
        "Wed, 1 May 2024 10:30:00 GMT | 2024-05-01T10:30:00Z",
      })
  void readsSecondsAndHttpDates(String header, Instant expected) {
    assertThat(RetryAfter.parse(header, NOW)).contains(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  ", "soon", "-5", "1.5", "99999999999999999999999"})
  void ignoresWhatItCannotRead(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEmpty();
  }
}
