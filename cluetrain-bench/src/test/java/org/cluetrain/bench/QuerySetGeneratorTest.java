package org.cluetrain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cluetrain.lucene.LuceneQueryCompiler;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.Test;

class QuerySetGeneratorTest {
  static final Vocabulary VOCABULARY = Vocabulary.of(SmallCorpus.texts());

  @Test
  void everyGeneratedQueryParsesAndCompiles() throws Exception {
    LuceneQueryCompiler compiler = new LuceneQueryCompiler(new PostAnalyzer());
    for (SavedQuery query : new QuerySetGenerator(VOCABULARY, 7).generate(2_000)) {
      assertThat(compiler.compile(QueryParser.parse(query.text()))).isNotNull();
    }
  }

  @Test
  void theSameSeedGivesTheSameQueriesAndAnotherSeedOthers() {
    List<SavedQuery> first = new QuerySetGenerator(VOCABULARY, 7).generate(500);
    assertThat(new QuerySetGenerator(VOCABULARY, 7).generate(500)).isEqualTo(first);
    assertThat(new QuerySetGenerator(VOCABULARY, 8).generate(500)).isNotEqualTo(first);
  }

  @Test
  void theSetHasEveryShapeWithLongQueriesOfAHundredTermsOrMore() {
    List<String> texts =
        new QuerySetGenerator(VOCABULARY, QuerySetGenerator.DEFAULT_SEED)
            .generate(1_000).stream().map(SavedQuery::text).toList();
    assertThat(texts).anyMatch(t -> t.contains(" NEAR/"));
    assertThat(texts).anyMatch(t -> t.contains(" NOT "));
    assertThat(texts).anyMatch(t -> t.contains(" lang:de"));
    assertThat(texts).anyMatch(t -> t.contains("* OR "));
    assertThat(texts).anyMatch(t -> t.contains("\" AND "));
    List<String> long100 = texts.stream().filter(t -> t.split(" OR ").length >= 100).toList();
    assertThat(long100).hasSize(3);
    assertThat(texts.stream().filter(t -> t.chars().filter(c -> c == '*').count() == 20))
        .hasSize(2);
  }

  @Test
  void shapesFollowTheirWeights() {
    Random random = new Random(1);
    List<QuerySetGenerator.Shape> shapes = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      shapes.add(QuerySetGenerator.shape(i, random));
    }
    long orLists = shapes.stream().filter(s -> s == QuerySetGenerator.Shape.OR_LIST).count();
    assertThat(orLists).isBetween(2_700L, 3_300L);
    assertThat(shapes.stream().filter(s -> s == QuerySetGenerator.Shape.LONG_OR)).hasSize(30);
  }
}
