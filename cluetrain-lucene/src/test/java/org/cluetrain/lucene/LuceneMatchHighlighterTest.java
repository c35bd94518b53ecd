package org.cluetrain.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.Test;

class LuceneMatchHighlighterTest {
  private final LuceneMatchHighlighter highlighter = new LuceneMatchHighlighter();

  private List<String> marked(String query, Post post) throws Exception {
    String text = post.fullText();
    return highlighter.highlight(query, post).stream()
        .map(span -> text.substring(span.start(), span.end()))
        .toList();
  }

  private static Post post(String title, String text) {
    return SamplePosts.forumComment("1", text).title(title).build();
  }

  @Test
  void marksWordsPhrasesWildcardsAndNearAsMatchingFoundThem() throws Exception {
    Post post =
        post("Ärger mit der Bahn", "Der ICE hatte 45 Minuten Verspätung, die Bahnsteige voll.");
    assertThat(marked("bahn*", post)).containsExactly("Bahn", "Bahnsteige");
    assertThat(marked("ice NEAR/3 verspatung", post)).containsExactly("ICE", "Verspätung");
    assertThat(marked("\"45 minuten\" AND lang:de", post)).containsExactly("45 Minuten");
    assertThat(marked("title:arger", post)).containsExactly("Ärger");
    assertThat(marked("bahn AND NOT ice", post)).isEmpty(); // it does not match at all
    assertThat(marked("lang:de", post)).isEmpty(); // matches, but marks no words
  }

  @Test
  void aQueryThatDoesNotParseSaysWhere() {
    assertThatThrownBy(() -> highlighter.highlight("(bahn", post(null, "Bahn")))
        .isInstanceOf(QuerySyntaxException.class);
  }
}
