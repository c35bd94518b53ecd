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

  /**
   * An imported archive's posts, 16 days old, showed "due in 4 h" with a clock started at import: a
   * post older than its target when it came in gets a clock that stands, with no due time.
   */
  @Test
  void aPostOlderThanItsTargetWhenItComesInStartsNoClock() {
    Duration target = Duration.ofHours(4);
    java.time.Instant imported = BusinessHoursTest.berlin("2026-12-02T10:00");
    ResponseClock old =
        ResponseClock.startFor(
            BusinessHoursTest.berlin("2026-11-16T09:30"), target, imported, OFFICE);
    assertThat(old.running()).isFalse();
    assertThat(old.due()).isNull();
    assertThat(old.overdue(imported.plus(Duration.ofDays(3)), OFFICE)).isFalse();
    // taken up later (pending, then open again), it runs like any other clock from then
    ResponseClock takenUp = old.resume(BusinessHoursTest.berlin("2026-12-03T09:00"), OFFICE);
    assertThat(takenUp.due()).isEqualTo(BusinessHoursTest.berlin("2026-12-03T13:00"));

    // posted at 16:30 on Friday, polled on Monday at 9:30: half a business hour has passed
    ResponseClock fresh =
        ResponseClock.startFor(
            BusinessHoursTest.berlin("2026-11-20T16:30"),
            target,
            BusinessHoursTest.berlin("2026-11-23T09:30"),
            OFFICE);
    assertThat(fresh.running()).isTrue();
    assertThat(fresh.due()).isEqualTo(BusinessHoursTest.berlin("2026-11-23T13:30"));
    // exactly at the target when it comes in: it came in late
    assertThat(
            ResponseClock.startFor(
                    BusinessHoursTest.berlin("2026-11-23T09:00"),
                    target,
                    BusinessHoursTest.berlin("2026-11-23T13:00"),
                    OFFICE)
                .running())
        .isFalse();
  }
}
