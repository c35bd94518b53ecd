package org.cluetrain.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.match.QueryMatcher.MatchBatch;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a query matches, row by row: query, the post's text, and whether it matches. The post is
 * {@link SamplePosts#forumComment} (title "Aus dem Forum", German forum comment on forum.heise.de
 * by Hans Müller, #bahnstreik, @db_bahn). Every row is checked on the live matcher and on the
 * store, which must agree.
 */
class MatchingTableTest {
  @TempDir static Path index;
  private static LucenePostStore store;
  private static final AtomicInteger rows = new AtomicInteger();

  @BeforeAll
  static void openStore() {
    store = new LucenePostStore(index);
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @ParameterizedTest(name = "{0} ~ {1} → {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          # case, umlauts, ae/oe/ue, ß/ss and accents
          müller                          | Herr Müller schreibt         | true
          mueller                         | Herr Müller schreibt         | true
          muller                          | Herr Müller schreibt         | true
          Müller                          | Herr Mueller schreibt        | true
          MÜLLER                          | herr muller schreibt         | true
          straße                          | in der Strasse               | true
          strasse                         | in der Straße                | true
          café                            | im Cafe am Markt             | true
          cafe                            | im Café am Markt             | true
          crème                           | creme brulee                 | true
          Bahn                            | die BAHN kommt               | true
          Zürich                          | nach Zuerich                 | true
          # compounds and wildcards
          bahn                            | am Bahnsteig warten          | false
          bahn*                           | am Bahnsteig warten          | true
          bahn*                           | die Bahn kommt               | true
          Bahn*                           | BAHNHOF Köln                 | true
          verspät*                        | Verspätungen überall         | true
          verspaet*                       | Verspätungen überall         | true
          müll*                           | die Muellabfuhr kommt        | true
          bahn                            | Bahn-Streik heute            | true
          streik                          | Bahn-Streik heute            | true
          walk*                           | he walked home               | true
          walk*                           | a sidewalk                   | false
          # words the analysis splits become phrases
          e-mail                          | schreib mir eine E-Mail      | true
          e-mail                          | eine Mail an E und so        | false
          # phrases
          "deutsche bahn"                 | die Deutsche Bahn streikt    | true
          "deutsche bahn"                 | Bahn, deutsche Ausgabe       | false
          "deutsche bahn"                 | deutsche und bahn            | false
          "customer service"              | Customer-Service was bad     | true
          # NEAR: at most n words between, either order; ONEAR and NEAR/nf keep the order
          bahn NEAR/2 streik              | Bahn ruft Streik aus         | true
          bahn NEAR/1 streik              | Bahn ruft Streik aus         | true
          bahn NEAR/0 streik              | Bahn ruft Streik aus         | false
          bahn NEAR/0 streik              | Bahn Streik                  | true
          bahn NEAR/2 streik              | Streik bei der Bahn heute    | true
          bahn NEAR/1 streik              | Streik bei der Bahn heute    | false
          bahn NEAR/3 streik              | der Streik legt die ganze Bahn lahm | true
          bahn NEAR/2 streik              | der Streik legt die ganze Bahn lahm | false
          bahn ONEAR/3 streik             | Streik bei der Bahn          | false
          streik ONEAR/3 bahn             | Streik bei der Bahn          | true
          bahn NEAR/3f streik             | Streik bei der Bahn          | false
          "deutsche bahn" NEAR/2 streik   | die Deutsche Bahn will streiken | false
          "deutsche bahn" NEAR/2 streik*  | die Deutsche Bahn will streiken | true
          (db OR bahn) NEAR/1 (streik OR ausfall) | DB meldet Ausfall     | true
          (db OR bahn) NEAR/1 (streik OR ausfall) | DB meldet heute Ausfall | false
          verspät* NEAR/2 zug             | der Zug hat Verspätung       | true
          a NEAR/1 b NEAR/1 c             | a x b c                      | true
          a NEAR/1 b NEAR/1 c             | a x y b c                    | false
          # AND, OR, NOT, -term, precedence and groups
          bahn streik                     | Streik? Die Bahn!            | true
          bahn AND streik                 | nur die Bahn                 | false
          bahn OR streik                  | nur die Bahn                 | true
          bahn -streik                    | die Bahn streikt nicht       | true
          bahn -streik                    | Bahn Streik                  | false
          bahn NOT streik                 | Bahn Streik                  | false
          bahn -"bahn streik"             | Bahn Streik                  | false
          bahn -"bahn streik"             | Streik Bahn                  | true
          bahn -(streik OR ausfall)       | Bahn Ausfall                 | false
          bahn -(streik OR ausfall)       | Bahn fährt                   | true
          zug OR bahn streik              | ein Zug                      | true
          zug OR bahn streik              | eine Bahn                    | false
          (zug OR bahn) streik            | ein Zug                      | false
          (zug OR bahn) streik            | Zug Streik                   | true
          a ((b OR c) -d)                 | a c                          | true
          a ((b OR c) -d)                 | a c d                        | false
          zug OR -bahn                    | nichts davon                 | true
          zug OR -bahn                    | Bahn                         | false
          # lower-case operators are words
          rock and roll                   | Rock and Roll                | true
          rock and roll                   | Rock Roll                    | false
          # field filters on every field
          lang:de bahn                    | die Bahn                     | true
          lang:en bahn                    | die Bahn                     | false
          source:forum bahn               | die Bahn                     | true
          source:blog bahn                | die Bahn                     | false
          source:forum:heise bahn         | die Bahn                     | true
          source:"Heise Forum" bahn       | die Bahn                     | true
          source:"heise forum"            | die Bahn                     | true
          author:"Hans Müller"            | die Bahn                     | true
          author:"hans mueller"           | die Bahn                     | true
          author:hmueller                 | die Bahn                     | true
          author:@hmueller                | die Bahn                     | true
          author:forum:hmueller           | die Bahn                     | true
          author:müller                   | die Bahn                     | false
          site:heise.de                   | die Bahn                     | true
          site:forum.heise.de             | die Bahn                     | true
          site:www.heise.de               | die Bahn                     | false
          site:de                         | die Bahn                     | true
          site:eise.de                    | die Bahn                     | false
          site:https://forum.heise.de/x   | die Bahn                     | true
          kind:comment                    | die Bahn                     | true
          kind:post                       | die Bahn                     | false
          title:forum                     | kein Wort davon              | true
          title:zug                       | ein Zug                      | false
          title:"aus dem forum"           | kein Wort davon              | true
          title:for*                      | kein Wort davon              | true
          title:(zug OR forum)            | kein Wort davon              | true
          title:(forum NEAR/2 aus)        | kein Wort davon              | true
          "forum ein"                     | ein Wort davon               | true
          title:ein                       | ein Wort davon               | false
          lang:(en OR de)                 | die Bahn                     | true
          -lang:en bahn                   | die Bahn                     | true
          # hashtags and mentions
          #bahnstreik                     | die Bahn                     | true
          #BahnStreik                     | die Bahn                     | true
          #streik                         | #streik im Text              | false
          streik                          | #streik im Text              | true
          @db_bahn                        | die Bahn                     | true
          @DB_Bahn                        | die Bahn                     | true
          @heise                          | die Bahn                     | false
          # comments
          <<<Marke>>> bahn <<<Ende>>>     | die Bahn                     | true
          # English
          customer NEAR/3 complaint*      | the customer filed complaints | true
          "train delayed"                 | My train delayed again       | true
          "train delayed"                 | the delayed train            | false
          train -cancelled                | train cancelled              | false
          naïve                           | a naive approach             | true
          """)
  void matchingAndSearchAgree(String query, String text, boolean expected) throws Exception {
    String row = "row" + rows.incrementAndGet();
    Post post = SamplePosts.forumComment(row, text).project(row).build();

    boolean matched;
    try (MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      assertThat(matcher.replaceQueries(List.of(SavedQuery.of(row, "q", query)))).isEmpty();
      MatchBatch batch = matcher.match(List.of(post));
      assertThat(batch.problems()).isEmpty();
      matched = !batch.matches().get(0).isEmpty();
    }
    boolean streamed;
    try (StreamQueryMatcher matcher = new StreamQueryMatcher()) {
      assertThat(matcher.replaceQueries(List.of(SavedQuery.of(row, "q", query)))).isEmpty();
      MatchBatch batch = matcher.match(List.of(post));
      assertThat(batch.problems()).isEmpty();
      streamed = !batch.matches().get(0).isEmpty();
    }
    store.store(List.of(new StoredPost(post, List.of())));
    boolean found = store.search(new SearchRequest(query, row, null, null, 10)).totalHits() == 1;

    assertThat(matched).as("live matching").isEqualTo(expected);
    assertThat(streamed).as("live matching, stream matcher").isEqualTo(expected);
    assertThat(found).as("search").isEqualTo(expected);
  }
}
