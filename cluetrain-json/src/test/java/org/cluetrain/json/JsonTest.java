package org.cluetrain.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Sample(Instant publishedAt, Duration window, String note) {}

  private static final Sample SAMPLE =
      new Sample(Instant.parse("2024-05-01T10:00:00.123456789Z"), Duration.ofHours(5), null);

  @Test
  void writesTimesAndDurationsAsIso8601AndRecordsByComponentName() throws Exception {
    assertThat(Json.mapper().writeValueAsString(SAMPLE))
        .isEqualTo(
            "{\"publishedAt\":\"2024-05-01T10:00:00.123456789Z\",\"window\":\"PT5H\","
                + "\"note\":null}");
  }

  @Test
  void readsBackAnEqualRecord() throws Exception {
    String json = Json.mapper().writeValueAsString(SAMPLE);
    assertThat(Json.mapper().readValue(json, Sample.class)).isEqualTo(SAMPLE);
  }

  @Test
  void keepsTheOffsetOfATimeAsWritten() throws Exception {
    assertThat(Json.mapper().readValue("\"2024-05-01T12:00:00+02:00\"", OffsetDateTime.class))
        .isEqualTo(OffsetDateTime.parse("2024-05-01T12:00:00+02:00"));
  }

  @Test
  void snakeCaseChangesOnlyTheNames() throws Exception {
    assertThat(Json.snakeCase().writeValueAsString(SAMPLE))
        .isEqualTo(
            "{\"published_at\":\"2024-05-01T10:00:00.123456789Z\",\"window\":\"PT5H\","
                + "\"note\":null}");
  }
}
