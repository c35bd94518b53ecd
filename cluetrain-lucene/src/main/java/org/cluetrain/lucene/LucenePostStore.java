package org.cluetrain.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * The embedded searchable store: a Lucene index in a directory of its own.
 *
 * <p>Posts are indexed with the same {@link PostAnalyzer} and searched with the same {@link
 * LuceneQueryCompiler} as live matching, so a search over history finds what matching found. Writes
 * replace by post id and are committed before {@link #store} returns. Thread-safe.
 */
public final class LucenePostStore implements PostStore {
  private static final Sort NEWEST_FIRST =
      new Sort(
          new SortField(PostDocuments.PUBLISHED, SortField.Type.LONG, true),
          new SortField(PostDocuments.ID, SortField.Type.STRING));
  private static final Sort OLDEST_FIRST =
      new Sort(
          new SortField(PostDocuments.PUBLISHED, SortField.Type.LONG),
          new SortField(PostDocuments.ID, SortField.Type.STRING));

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final LuceneQueryCompiler compiler;
  private final PostDocuments documents;

  /** Opens the index in {@code directory}, creating it when there is none. */
  public LucenePostStore(Path directory) {
    this(directory, new PostAnalyzer());
  }

  public LucenePostStore(Path directory, PostAnalyzer analyzer) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(analyzer, "analyzer");
    this.compiler = new LuceneQueryCompiler(analyzer);
    this.documents = new PostDocuments(analyzer);
    try {
      this.directory = FSDirectory.open(directory);
      this.writer =
          new IndexWriter(
              this.directory,
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                  // every batch is committed: packing each small flushed segment into a compound
                  // file first would write its bytes twice
                  .setUseCompoundFile(false)
                  .setRAMBufferSizeMB(64));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the post index in " + directory, e);
    }
  }

  @Override
  public void store(List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return;
    }
    try {
      for (StoredPost post : posts) {
        writer.updateDocument(
            new Term(PostDocuments.ID, post.post().id()), documents.forStore(post));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + posts.size() + " posts", e);
    }
  }

  @Override
  public SearchPage search(SearchRequest request) throws QuerySyntaxException {
    Query query =
        request.query().isBlank() ? new MatchAllDocsQuery() : compiler.compile(request.query());
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (request.project() != null) {
      filtered.add(new TermQuery(new Term(PostDocuments.PROJECT, request.project())), Occur.FILTER);
    }
    if (request.since() != null || request.until() != null) {
      long from = request.since() == null ? Long.MIN_VALUE : PostDocuments.sortKey(request.since());
      long to =
          request.until() == null ? Long.MAX_VALUE : PostDocuments.sortKey(request.until()) - 1;
      filtered.add(LongPoint.newRangeQuery(PostDocuments.PUBLISHED, from, to), Occur.FILTER);
    }
    try {
      // exact total: count every hit instead of stopping at Lucene's default of 1,000
      return find(filtered.build(), NEWEST_FIRST, request.limit());
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException(
          "the query expands to more than "
              + IndexSearcher.getMaxClauseCount()
              + " words (a short wildcard inside NEAR?); use a longer prefix",
          e);
    }
  }

  @Override
  public Optional<StoredPost> get(String postId) {
    List<StoredPost> found =
        find(new TermQuery(new Term(PostDocuments.ID, postId)), NEWEST_FIRST, 1).posts();
    return found.stream().findFirst();
  }

  @Override
  public List<StoredPost> thread(String threadId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return find(new TermQuery(new Term(PostDocuments.THREAD, threadId)), OLDEST_FIRST, limit)
        .posts();
  }

  @Override
  public long count() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the stored posts", e);
    }
  }

  private SearchPage find(Query query, Sort sort, int limit) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        TopFieldDocs top =
            searcher.search(
                query, new TopFieldCollectorManager(sort, limit, null, Integer.MAX_VALUE));
        StoredFields stored = searcher.storedFields();
        List<StoredPost> posts = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
          posts.add(documents.read(stored.document(hit.doc)));
        }
        return new SearchPage(top.totalHits.value, posts);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the post index", e);
    }
  }

  @Override
  public void close() {
    try (Directory closingDirectory = directory;
        IndexWriter closingWriter = writer;
        SearcherManager closingSearchers = searchers) {
      // closed in reverse order: searchers, writer (which commits), directory
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the post index", e);
    }
  }
}
