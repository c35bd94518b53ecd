package org.cluetrain.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final BusinessHours OFFICE =
      BusinessHours.parse("mon-fri 09:00-17:00 Europe/Berlin", null);

  static Instant berlin(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
  }

  @Nested
  class Parsing {
    @Test
    void readsDaysWindowAndZone() {
      assertThat(OFFICE.days())
          .containsExactlyInAnyOrder(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY);
      assertThat(OFFICE.length()).isEqualTo(Duration.ofHours(8));
      assertThat(OFFICE.zone()).isEqualTo(BERLIN);
      assertThat(OFFICE).hasToString("mon-fri 09:00-17:00 Europe/Berlin");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "mo-fr 08:30-18:00 europe/berlin | mon-fri 08:30-18:00 Europe/Berlin",
          "sat,sun 10:00-14:00 UTC          | sat-sun 10:00-14:00 UTC",
          "fri-mon 22:00-06:00 Europe/Berlin | mon,fri-sun 22:00-06:00 Europe/Berlin",
          "mon-sun 00:00-24:00 Europe/Berlin | 24/7 Europe/Berlin",
          "24/7                              | 24/7 Z",
        })
    void writesBackWhatItRead(String spec, String written) {
      assertThat(BusinessHours.parse(spec, ZoneOffset.UTC)).hasToString(written);
    }

    @Test
    void theZoneDefaultsToTheGivenOne() {
      assertThat(BusinessHours.parse("mon-fri 09:00-17:00", BERLIN).zone()).isEqualTo(BERLIN);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "weekdays 9-5 | business hours 'weekdays 9-5' should look like 'mon-fri 09:00-17:00"
              + " Europe/Berlin' (days, from-to, time zone) or '24/7'",
          "mon-fry 09:00-17:00 | 'fry' is not a day; write mon, tue, wed, thu, fri, sat, sun (or mo"
              + " … so)",
          "mon-fri 09:00-25:00 | '25:00' is not a time of day (00:00 to 24:00)",
          "mon-fri 09:00-09:00 | business hours 'mon-fri 09:00-09:00': the window 09:00-09:00 is"
              + " empty",
          "mon-fri 09:00-17:00 Mars/Olympus | business hours 'mon-fri 09:00-17:00 Mars/Olympus':"
              + " unknown time zone 'mars/olympus', e.g. Europe/Berlin",
        })
    void saysWhatIsWrong(String spec, String message) {
      assertThatThrownBy(() -> BusinessHours.parse(spec, BERLIN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }
  }

  @Nested
  class Counting {
    @Test
    void countsOnlyInsideTheWindow() {
      // Monday 2026-11-16 08:00 to 18:00 Berlin: the eight office hours
      assertThat(OFFICE.between(berlin("2026-11-16T08:00"), berlin("2026-11-16T18:00")))
          .isEqualTo(Duration.ofHours(8));
      assertThat(OFFICE.between(berlin("2026-11-16T16:30"), berlin("2026-11-17T09:45")))
          .isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void skipsTheWeekend() {
      // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday
      assertThat(OFFICE.between(berlin("2026-11-20T16:00"), berlin("2026-11-23T10:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(OFFICE.between(berlin("2026-11-21T10:00"), berlin("2026-11-22T20:00"))).isZero();
    }

    @Test
    void aDueTimeMovesOverTheWeekend() {
      // four business hours from Friday 15:00 end on Monday 11:00
      assertThat(OFFICE.plus(berlin("2026-11-20T15:00"), Duration.ofHours(4)))
          .isEqualTo(berlin("2026-11-23T11:00"));
      // from Saturday they start on Monday morning
      assertThat(OFFICE.plus(berlin("2026-11-21T12:00"), Duration.ofHours(4)))
          .isEqualTo(berlin("2026-11-23T13:00"));
      // a target of zero is due at the next business moment
      assertThat(OFFICE.plus(berlin("2026-11-21T12:00"), Duration.ZERO))
          .isEqualTo(berlin("2026-11-23T09:00"));
    }

    @Test
    void anOvernightWindowSpansMidnight() {
      BusinessHours night = BusinessHours.parse("mon-fri 22:00-06:00 Europe/Berlin", null);
      // Friday 23:00 to Saturday 07:00: the window opened on Friday runs until Saturday 06:00
      assertThat(night.between(berlin("2026-11-20T23:00"), berlin("2026-11-21T07:00")))
          .isEqualTo(Duration.ofHours(7));
      // Saturday 22:00 to Monday 05:00: no window opens on Saturday or Sunday
      assertThat(night.between(berlin("2026-11-21T22:00"), berlin("2026-11-23T05:00"))).isZero();
      // Monday 05:00 plus 2h: Sunday opens no window, so the hours come from Monday's, at 22:00
      assertThat(night.plus(berlin("2026-11-23T05:00"), Duration.ofHours(2)))
          .isEqualTo(berlin("2026-11-24T00:00"));
    }

    @Test
    void theZoneDecidesWhichHoursCount() {
      BusinessHours newYork = BusinessHours.parse("mon-fri 09:00-17:00 America/New_York", null);
      // Monday 2026-11-16 15:00 to 17:00 UTC is 16:00-18:00 in Berlin but 10:00-12:00 in New York
      Instant from = Instant.parse("2026-11-16T15:00:00Z");
      Instant to = Instant.parse("2026-11-16T17:00:00Z");
      assertThat(OFFICE.between(from, to)).isEqualTo(Duration.ofHours(1));
      assertThat(newYork.between(from, to)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theNightClocksGoForwardInBerlinIsAnHourShorter() {
      // 29 March 2026, 02:00 CET becomes 03:00 CEST
      BusinessHours allDay = BusinessHours.parse("mon-sun 00:00-24:00 Europe/Berlin", null);
      assertThat(allDay.between(berlin("2026-03-28T12:00"), berlin("2026-03-30T12:00")))
          .isEqualTo(Duration.ofHours(47));
      BusinessHours earlyShift = BusinessHours.parse("sun 01:00-05:00 Europe/Berlin", null);
      assertThat(earlyShift.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
          .isEqualTo(Duration.ofHours(3));
      // four hours from 01:00 end at 06:00 local time, after the skipped hour
      BusinessHours sunday = BusinessHours.parse("sun 00:00-24:00 Europe/Berlin", null);
      assertThat(sunday.plus(berlin("2026-03-29T01:00"), Duration.ofHours(4)))
          .isEqualTo(berlin("2026-03-29T06:00"));
    }

    @Test
    void theNightClocksGoBackIsAnHourLonger() {
      // 25 October 2026, 03:00 CEST becomes 02:00 CET
      BusinessHours sunday = BusinessHours.parse("sun 00:00-24:00 Europe/Berlin", null);
      assertThat(sunday.between(berlin("2026-10-24T00:00"), berlin("2026-10-27T00:00")))
          .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void countingAndAddingAgree() {
      Instant start = berlin("2026-11-18T16:20");
      for (int hours = 0; hours <= 60; hours += 7) {
        Instant due = OFFICE.plus(start, Duration.ofHours(hours));
        assertThat(OFFICE.between(start, due)).as(hours + "h").isEqualTo(Duration.ofHours(hours));
      }
    }
  }
}
