package org.cluetrain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.lucene.LuceneQueryCompiler;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.Test;

class BrandQuerySetGeneratorTest {
  @Test
  void everyGeneratedQueryParsesAndCompiles() throws Exception {
    LuceneQueryCompiler compiler = new LuceneQueryCompiler(new PostAnalyzer());
    for (SavedQuery query :
        new BrandQuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, 7).generate(2_000)) {
      assertThat(compiler.compile(QueryParser.parse(query.text()))).as(query.text()).isNotNull();
    }
  }

  @Test
  void theSameSeedGivesTheSameQueriesAndAnotherSeedOthers() {
    List<SavedQuery> first =
        new BrandQuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, 7).generate(500);
    assertThat(new BrandQuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, 7).generate(500))
        .isEqualTo(first);
    assertThat(new BrandQuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, 8).generate(500))
        .isNotEqualTo(first);
  }

  @Test
  void theSetHasTheShapesOfBrandQueries() {
    List<String> texts =
        new BrandQuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, QuerySetGenerator.DEFAULT_SEED)
            .generate(1_000).stream().map(SavedQuery::text).toList();
    assertThat(texts).anyMatch(t -> t.contains(") AND (") && t.contains(" NOT ("));
    assertThat(texts).anyMatch(t -> t.contains(" NEAR/"));
    assertThat(texts).anyMatch(t -> t.contains(" ONEAR/2 "));
    assertThat(texts).anyMatch(t -> t.contains(" lang:") && t.contains("NOT site:"));
    assertThat(texts).anyMatch(t -> t.startsWith("title:"));
    assertThat(texts).anyMatch(t -> t.contains(" OR @"));
  }
}
