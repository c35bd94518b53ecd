package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to exhaust memory or the stack: a clear error naming the input, the row and the
 * limit, without reading more than the limit.
 */
class RecordLimitsTest {
  private static final long HUGE = 200L * 1024 * 1024;
  private static final String LIMIT = "8,388,608 characters";

  @Test
  void aCsvFieldOfHundredsOfMegabytesIsReportedByLineWithoutReadingItWhole() throws Exception {
    AtomicLong delivered = new AtomicLong();
    InputDocument input =
        generated(
            "huge-field.csv",
            delivered,
            "title,text\nfirst,the first row\nsecond,\"",
            HUGE,
            "\"\nthird,after the huge one\n");

    List<ReadItem> items = read(input, "csv");

    // lengths, not texts: a failure must not print a field of hundreds of megabytes
    assertThat(posts(items)).extracting(p -> p.text().length()).containsExactly(13);
    assertThat(unreadable(items)).hasSize(1);
    assertThat(unreadable(items).get(0).problem().length()).isLessThan(200);
    assertThat(unreadable(items))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.item()).isEqualTo("line 3");
              assertThat(item.problem())
                  .isEqualTo(
                      "the row is longer than "
                          + LIMIT
                          + ", the limit for one record; the rest"
                          + " is unreadable");
            });
    assertThat(delivered.get()).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aCsvRowJustUnderTheLimitIsStillRead() throws Exception {
    String text = "x".repeat(8 * 1024 * 1024 - 100);
    InputDocument input =
        InputDocument.ofBytes(
            "long-row.csv",
            null,
            null,
            ("title,text\nlong," + text + "\nshort,a short row\n")
                .getBytes(StandardCharsets.UTF_8));

    List<ReadItem> items = read(input, "csv");

    assertThat(unreadable(items)).isEmpty();
    assertThat(posts(items)).extracting(p -> p.text().length()).contains(text.length());
  }

  @Test
  void anNdjsonLineOfHundredsOfMegabytesIsReportedAndTheNextLinesRead() throws Exception {
    AtomicLong delivered = new AtomicLong();
    InputDocument input =
        generated(
            "huge-line.ndjson",
            delivered,
            "{\"text\": \"first\"}\n{\"text\": \"",
            20L * 1024 * 1024,
            "\"}\n{\"text\": \"third\"}\n");

    List<ReadItem> items = read(input, "ndjson");

    assertThat(posts(items)).extracting(Post::text).containsExactly("first", "third");
    assertThat(unreadable(items))
        .extracting(ReadItem.UnreadableItem::item, ReadItem.UnreadableItem::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "line 2", "longer than " + LIMIT + ", the limit for one record"));
  }

  @Test
  void aCsvHeaderLongerThan64KiBIsUnusableNamingTheLimit() {
    StringBuilder header = new StringBuilder("title,text");
    for (int i = 0; header.length() <= 70 * 1024; i++) {
      header.append(",column").append(i);
    }
    InputDocument input =
        InputDocument.ofBytes(
            "wide.csv", null, null, (header + "\nfirst,row\n").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> read(input, "csv"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(
            "wide.csv: the CSV header (line 1) is longer than 65,536 characters, the limit for a"
                + " header");
  }

  @Test
  void aCsvHeaderJustUnder64KiBIsStillRead() throws Exception {
    StringBuilder header = new StringBuilder("title,text");
    StringBuilder row = new StringBuilder("first,row");
    for (int i = 0; header.length() < 63 * 1024; i++) {
      header.append(",column").append(i);
      row.append(",");
    }
    InputDocument input =
        InputDocument.ofBytes(
            "wide.csv", null, null, (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(posts(read(input, "csv"))).extracting(Post::text).containsExactly("row");
  }

  @Test
  void anRssDescriptionNestedAHundredThousandDeepIsUnusableNamingTheLimit() {
    String nested = "<b>".repeat(100_000) + "deep" + "</b>".repeat(100_000);
    String rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title>"
            + "<link>https://deep.example/</link><item><title>t</title>"
            + "<link>https://deep.example/1</link><description>"
            + nested
            + "</description></item></channel></rss>";
    InputDocument input =
        InputDocument.ofBytes("deep.rss", null, null, rss.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> read(input, "auto"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageStartingWith("deep.rss: rejected: elements nested deeper than 1,000 levels");
  }

  private static List<ReadItem> read(InputDocument input, String format)
      throws UnusableInputException {
    List<ReadItem> items = new ArrayList<>();
    Formats.standard().read(input, format, items::add);
    return items;
  }

  private static List<Post> posts(List<ReadItem> items) {
    return items.stream()
        .filter(ReadItem.ParsedPost.class::isInstance)
        .map(item -> ((ReadItem.ParsedPost) item).post())
        .toList();
  }

  private static List<ReadItem.UnreadableItem> unreadable(List<ReadItem> items) {
    return FixtureReading.unreadable(items);
  }

  /** A document of a prefix, {@code size} letters made up as they are read, and a suffix. */
  private static InputDocument generated(
      String name, AtomicLong delivered, String prefix, long size, String suffix) {
    return new InputDocument(
        name,
        null,
        null,
        () -> {
          InputStream letters =
              new InputStream() {
                private long left = size;

                @Override
                public int read() {
                  if (left == 0) {
                    return -1;
                  }
                  left--;
                  delivered.incrementAndGet();
                  return 'a';
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                  if (left == 0) {
                    return -1;
                  }
                  int n = (int) Math.min(length, left);
                  java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
                  left -= n;
                  delivered.addAndGet(n);
                  return n;
                }
              };
          return new SequenceInputStream(
              Collections.enumeration(
                  List.of(
                      new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)),
                      letters,
                      new ByteArrayInputStream(suffix.getBytes(StandardCharsets.UTF_8)))));
        });
  }
}
