package org.cluetrain.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.cluetrain.match.MatchHighlighter;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;

/**
 * Highlights with Lucene's matches API: the post goes into a one-document in-memory index with the
 * same fields and analysis as live matching, the query is compiled by the same {@link
 * LuceneQueryCompiler}, and the offsets of what the query found are read back. So what is marked is
 * exactly what matched: the words of a {@code NEAR}, the whole of a phrase, the words a wildcard
 * expanded to, and nothing that a {@code NOT} excluded. Thread-safe.
 */
public final class LuceneMatchHighlighter implements MatchHighlighter {
  private final PostAnalyzer analyzer;
  private final LuceneQueryCompiler compiler;
  private final PostDocuments documents;

  public LuceneMatchHighlighter() {
    this(new PostAnalyzer());
  }

  public LuceneMatchHighlighter(PostAnalyzer analyzer) {
    this.analyzer = analyzer;
    this.compiler = new LuceneQueryCompiler(analyzer);
    this.documents = new PostDocuments(analyzer);
  }

  @Override
  public List<Span> highlight(String query, Post post) throws QuerySyntaxException {
    Query compiled = compiler.compile(query);
    MemoryIndex index =
        MemoryIndex.fromDocument(documents.forMatching(post), analyzer, true, false);
    IndexSearcher searcher = index.createSearcher();
    try {
      Weight weight =
          searcher.createWeight(searcher.rewrite(compiled), ScoreMode.COMPLETE_NO_SCORES, 1);
      LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
      Matches matches = weight.matches(leaf, 0);
      if (matches == null) {
        return List.of();
      }
      List<Span> spans = new ArrayList<>();
      // the title is the start of the full text, so its offsets are the full text's too
      collect(matches.getMatches(PostDocuments.TEXT), spans);
      collect(matches.getMatches(PostDocuments.TITLE), spans);
      return merged(spans);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory index does no I/O
    }
  }

  /** Adds the finest spans: the words inside a NEAR or phrase rather than all between them. */
  private static void collect(MatchesIterator matches, List<Span> spans) throws IOException {
    if (matches == null) {
      return;
    }
    while (matches.next()) {
      MatchesIterator words = matches.getSubMatches();
      if (words != null) {
        collect(words, spans);
      } else if (matches.startOffset() >= 0 && matches.endOffset() > matches.startOffset()) {
        spans.add(new Span(matches.startOffset(), matches.endOffset()));
      }
    }
  }

  private static List<Span> merged(List<Span> spans) {
    spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
    List<Span> merged = new ArrayList<>();
    for (Span span : spans) {
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span.start() <= last.end()) {
        merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }
}
