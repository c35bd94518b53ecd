package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every data file of the shared fixtures is imported: posts or subscriptions come out, or the input
 * is rejected with a reason that names it. Detection picks the reader the folder is about, and
 * reading twice yields the same ids.
 */
class FixtureImportTest {
  private static final List<String> FOLDERS =
      List.of(
          "fixtures/feeds/rome",
          "fixtures/feeds/real-captured/input",
          "fixtures/exports",
          "fixtures/api",
          "fixtures/web-pages/cache",
          "fixtures/web-pages/resources");

  /** The formats a file may be detected as, by the folder it is in (first match wins). */
  private static final Map<String, Set<String>> EXPECTED_FORMATS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "feeds/", Set.of("rss", "opml", "html"),
              "exports/wordpress-wxr/", Set.of("wxr"),
              "exports/disqus/", Set.of("disqus", "wxr", "commento", "remark42"),
              "exports/x-archive/", Set.of("x-archive"),
              "api/twitter/", Set.of("twitter"),
              "api/reddit/", Set.of("reddit"),
              "api/mastodon-activitypub/", Set.of("mastodon"),
              "web-pages/cache/", Set.of("html"),
              "web-pages/resources/", Set.of("rss", "jsonfeed")));

  /**
   * Files that are valid but hold no posts, and the reason. Everything else must yield posts or a
   * rejection.
   */
  private static final Map<String, String> EMPTY_BY_NATURE =
      Map.of(
          "api/twitter/v1.1/testmentionstimeline.00.json", "an empty timeline",
          "api/reddit/", "an empty listing page of a stream",
          "feeds/rome/", "a test feed without entries",
          "feeds/real-captured/input/", "a test feed without entries");

  /** Files no reader claims: a Mastodon preview card is an API object, not a post. */
  private static final Set<String> UNRECOGNISED =
      Set.of("api/mastodon-activitypub/mastodon-docs-api-examples/statuses.075.json");

  static Stream<Arguments> fixtureFiles() {
    Path root = SharedData.root();
    return FOLDERS.stream()
        .map(root::resolve)
        .filter(java.nio.file.Files::isDirectory)
        .flatMap(FixtureReading::dataFiles)
        .map(
            file ->
                Arguments.of(
                    root.resolve("fixtures").relativize(file).toString().replace('\\', '/'), file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureFiles")
  void importsOrRejectsWithAReason(String name, Path file) throws Exception {
    InputDocument input = InputDocument.ofFile(file);
    if (UNRECOGNISED.contains(name)) {
      UnusableInputException rejected =
          catchThrowableOfType(
              () -> FixtureReading.FORMATS.detect(input), UnusableInputException.class);
      assertThat(rejected)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("not recognised");
      return;
    }
    String format;
    try {
      format = FixtureReading.FORMATS.detect(input).format();
    } catch (UnusableInputException e) {
      throw new AssertionError("not detected: " + e.getMessage(), e);
    }
    assertThat(format).as("format of %s", name).isIn(expectedFormats(name));

    List<ReadItem> first;
    try {
      first = FixtureReading.read(file);
    } catch (UnusableInputException rejected) {
      assertThat(rejected.getMessage()).startsWith(file.toString() + ": ");
      assertThat(rejected.getMessage().length()).isGreaterThan(file.toString().length() + 10);
      return;
    }
    long useful = first.stream().filter(item -> !(item instanceof ReadItem.UnreadableItem)).count();
    if (useful == 0) {
      boolean reportedWhy = !first.isEmpty();
      assertThat(reportedWhy || emptyByNature(name))
          .as("%s yields nothing and says nothing", name)
          .isTrue();
    }
    for (ReadItem.UnreadableItem unreadable : FixtureReading.unreadable(first)) {
      assertThat(unreadable.input()).isEqualTo(file.toString());
      assertThat(unreadable.item()).isNotBlank();
      assertThat(unreadable.problem()).isNotBlank();
    }
    if (java.nio.file.Files.size(file) > 256 * 1024) {
      return; // re-reading the large files is covered by the format tests, and costs seconds
    }
    List<String> ids = FixtureReading.posts(first).stream().map(Post::id).toList();
    List<String> again =
        FixtureReading.posts(FixtureReading.read(file)).stream().map(Post::id).toList();
    assertThat(again).as("ids of a second read").isEqualTo(ids);
  }

  private static Set<String> expectedFormats(String name) {
    return EXPECTED_FORMATS.entrySet().stream()
        .filter(entry -> name.contains(entry.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no expected format for " + name));
  }

  private static boolean emptyByNature(String name) {
    return EMPTY_BY_NATURE.keySet().stream().anyMatch(name::contains);
  }
}
