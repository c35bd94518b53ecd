package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;

class FeedFormatTest {

  @Test
  void readsHeiseAtomFeed() throws Exception {
    Path file = SharedData.path("fixtures/feeds/real-captured/input/heise.atom");
    List<Post> posts = FixtureReading.posts(file);
    assertThat(posts).isNotEmpty();
    Post first = posts.get(0);
    assertThat(first.source().id()).isEqualTo("feed:http://www.heise.de/developer/");
    assertThat(first.id()).startsWith("url:http://www.heise.de/developer/meldung/");
    assertThat(
            FixtureReading.FORMATS.detect(org.cluetrain.ingest.InputDocument.ofFile(file)).format())
        .isEqualTo("rss");
  }
}
