package org.cluetrain.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration CAP = Duration.ofHours(6);

  @Test
  void doublesTheIntervalPerFailureUpToTheCap() {
    Backoff backoff = new Backoff(CAP, () -> 0L);
    Duration interval = Duration.ofMinutes(15);

    assertThat(backoff.after(interval, 1)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.after(interval, 2)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.after(interval, 4)).isEqualTo(Duration.ofHours(4));
    assertThat(backoff.after(interval, 5)).isEqualTo(CAP);
    assertThat(backoff.after(interval, 1_000)).isEqualTo(CAP);
  }

  @Test
  void aFeedPolledLessOftenThanTheCapKeepsItsInterval() {
    Backoff backoff = new Backoff(CAP, () -> 0L);

    assertThat(backoff.after(Duration.ofDays(1), 3)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void jitterOnlyShortensAndByAtMostATenth() {
    Backoff backoff = new Backoff(CAP, new SplittableRandom(42));
    Duration interval = Duration.ofMinutes(10);

    for (int failures = 1; failures < 12; failures++) {
      Duration nominal = new Backoff(CAP, () -> 0L).after(interval, failures);
      Duration jittered = backoff.after(interval, failures);
      assertThat(jittered)
          .isLessThanOrEqualTo(nominal)
          .isGreaterThanOrEqualTo(Duration.ofMillis((long) (nominal.toMillis() * 0.9)));
    }
  }
}
