package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Minimised by default: comment exports carry each commenter's e-mail and IP address, and the
 * readers keep neither, in no field of any post (author, text, HTML, links).
 */
class CommenterDataMinimisedTest {
  private static final Pattern EXPORTED =
      Pattern.compile(
          "<(?:wp:comment_author_email|wp:comment_author_IP|email|ipAddress)>"
              + "(?:<!\\[CDATA\\[)?([^<\\]]+)");

  @Test
  void commentExportsKeepNoCommentersEmailOrIpAddress() throws Exception {
    for (String export :
        List.of(
            "fixtures/exports/wordpress-wxr/phpunit-data/theme-unit-test-data.xml",
            "fixtures/exports/wordpress-wxr/e2e-fixtures/wxr-comprehensive.xml",
            "fixtures/exports/disqus/tl3shi-blog-export/disqus.redacted.xml")) {
      Path file = SharedData.path(export);
      Set<String> personal = new LinkedHashSet<>();
      Matcher m = EXPORTED.matcher(Files.readString(file));
      while (m.find()) {
        if (!m.group(1).isBlank()) {
          personal.add(m.group(1).strip());
        }
      }
      // the test can fail: the export does hold e-mail or IP addresses
      assertThat(personal).as(export).isNotEmpty();
      List<Post> posts = FixtureReading.posts(file);
      assertThat(posts).as(export).isNotEmpty();
      for (Post post : posts) {
        String everything = post.toString();
        for (String value : personal) {
          assertThat(everything).as(export + ", post " + post.id()).doesNotContain(value);
        }
      }
    }
  }
}
