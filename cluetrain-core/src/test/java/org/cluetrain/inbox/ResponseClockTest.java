package org.cluetrain.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseClockTest {
  static final BusinessHours OFFICE = BusinessHoursTest.OFFICE;

  @Test
  void runsPausesAndResumesInBusinessHours() {
    // created Friday 15:00 with a four-hour target: due Monday 11:00
    ResponseClock clock =
        ResponseClock.start(
            Duration.ofHours(4), BusinessHoursTest.berlin("2026-11-20T15:00"), OFFICE);
    assertThat(clock.due()).isEqualTo(BusinessHoursTest.berlin("2026-11-23T11:00"));
    assertThat(clock.elapsed(BusinessHoursTest.berlin("2026-11-21T12:00"), OFFICE))
        .isEqualTo(Duration.ofHours(2));

    // pending over the weekend and Monday morning, open again Monday 10:00
    ResponseClock paused = clock.stop(BusinessHoursTest.berlin("2026-11-20T16:00"), OFFICE);
    assertThat(paused.running()).isFalse();
    assertThat(paused.elapsed(BusinessHoursTest.berlin("2026-11-23T10:00"), OFFICE))
        .isEqualTo(Duration.ofHours(1));
    ResponseClock resumed = paused.resume(BusinessHoursTest.berlin("2026-11-23T10:00"), OFFICE);
    assertThat(resumed.due()).isEqualTo(BusinessHoursTest.berlin("2026-11-23T13:00"));
    assertThat(resumed.overdue(BusinessHoursTest.berlin("2026-11-23T12:59"), OFFICE)).isFalse();
    assertThat(resumed.overdue(BusinessHoursTest.berlin("2026-11-23T13:00"), OFFICE)).isTrue();
    assertThat(resumed.remaining(BusinessHoursTest.berlin("2026-11-23T14:00"), OFFICE))
        .isEqualTo(Duration.ofHours(-1));
  }

  @Test
  void aStoppedClockPastItsTargetStaysOverdue() {
    ResponseClock clock =
        ResponseClock.start(
                Duration.ofHours(1), BusinessHoursTest.berlin("2026-11-16T09:00"), OFFICE)
            .stop(BusinessHoursTest.berlin("2026-11-16T11:00"), OFFICE);
    assertThat(clock.overdue(BusinessHoursTest.berlin("2026-11-30T11:00"), OFFICE)).isTrue();
    assertThat(clock.resume(BusinessHoursTest.berlin("2026-11-17T09:00"), OFFICE).due())
        .isEqualTo(BusinessHoursTest.berlin("2026-11-17T09:00"));
  }
}
