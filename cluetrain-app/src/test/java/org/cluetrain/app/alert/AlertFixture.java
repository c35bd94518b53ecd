package org.cluetrain.app.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, written-for-the-tests stream about a fictional brand, Acme phones, as CSV: four quiet
 * days (a few posts an hour in the day, hardly any at night) and, on the fifth morning, a burst of
 * complaints about a battery recall.
 */
final class AlertFixture {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z"); // a Monday
  static final Instant BURST = START.plus(Duration.ofDays(4)).plus(Duration.ofHours(10));
  static final String HEADER = "id,text,author,published";

  private static final String[] QUIET = {
    "just got the new acme phone, the camera is nice",
    "acme support answered in five minutes, thanks",
    "is the acme case worth it? asking for a friend",
    "acme update installed, nothing new that I can see",
    "my acme phone survived the weekend hike",
    "comparing acme and the others before buying"
  };

  private AlertFixture() {}

  /** The quiet days up to the burst. */
  static List<String> history() {
    Random random = new Random(2026);
    List<String> rows = new ArrayList<>();
    int id = 0;
    for (Instant hour = START; hour.isBefore(BURST); hour = hour.plus(Duration.ofHours(1))) {
      int hourOfDay = (int) (hour.getEpochSecond() / 3600 % 24);
      int posts = hourOfDay >= 8 && hourOfDay < 20 ? 2 + random.nextInt(3) : random.nextInt(2);
      for (int i = 0; i < posts; i++) {
        Instant at = hour.plusSeconds(random.nextInt(3600));
        rows.add(
            row("q" + (++id), QUIET[random.nextInt(QUIET.length)], "fan" + random.nextInt(40), at));
      }
    }
    return rows;
  }

  /** Thirty complaints in forty minutes from the burst on, by people never heard before. */
  static List<String> burst() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(
          row(
              "b" + i,
              "acme battery recall: my phone got hot and the shop says wait for the recall #" + i,
              "worried" + i,
              BURST.plusSeconds(80L * i)));
    }
    return rows;
  }

  static Path write(Path file, List<String> rows) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.addAll(rows);
    return Files.write(file, lines);
  }

  private static String row(String id, String text, String author, Instant at) {
    return id + ",\"" + text + "\"," + author + "," + at;
  }
}
