package org.cluetrain.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cluetrain.lucene.LuceneQueryCompiler;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Parsing, and parsing plus compiling to Lucene, of the 1,000 generated saved queries. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryParserBenchmark {
  private static final int QUERIES = 1_000;

  private List<String> texts;
  private final LuceneQueryCompiler compiler = new LuceneQueryCompiler(new PostAnalyzer());

  @Setup
  public void setUp() {
    texts = BenchData.queries(QUERIES).stream().map(SavedQuery::text).toList();
  }

  /** Time per query. */
  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public void parse(Blackhole blackhole) throws QuerySyntaxException {
    for (String text : texts) {
      blackhole.consume(QueryParser.parse(text));
    }
  }

  /** Time per query. */
  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public void parseAndCompile(Blackhole blackhole) throws QuerySyntaxException {
    for (String text : texts) {
      blackhole.consume(compiler.compile(text));
    }
  }
}
