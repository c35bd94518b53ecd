package org.cluetrain.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
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

  /** The kinds of post that answer another: comments and replies, not pingbacks. */
  private static final Query ANSWER_KINDS =
      new BooleanQuery.Builder()
          .add(new TermQuery(new Term(PostDocuments.KIND, PostKind.COMMENT.label())), Occur.SHOULD)
          .add(new TermQuery(new Term(PostDocuments.KIND, PostKind.REPLY.label())), Occur.SHOULD)
          .build();

  /** Posts read at a time by {@link #scan}. */
  private static final int SCAN_PAGE = 500;

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
                  .setRAMBufferSizeMB(64)
                  // expunging rewrites every segment that holds a deleted post, however few:
                  // an erased person's text must not stay in any file
                  .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0)));
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
      searchers.maybeRefreshBlocking(); // near-real-time: the batch is visible, not yet committed
      countAnswers(posts);
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + posts.size() + " posts", e);
    }
  }

  /**
   * Sets the answer count of every post of the batch and of every parent it answers, counted from
   * the index (which now holds the batch): counting rather than incrementing keeps storing a batch
   * again idempotent, and a parent stored after its answers still gets them counted.
   */
  private void countAnswers(List<StoredPost> posts) throws IOException {
    Map<String, Post> batch = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (StoredPost stored : posts) {
      batch.put(stored.post().id(), stored.post());
      ids.add(stored.post().id());
      if (stored.post().parentId() != null) {
        ids.add(stored.post().parentId());
      }
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      for (String id : ids) {
        Post post = batch.get(id);
        if (post == null) {
          TopDocs found = searcher.search(new TermQuery(new Term(PostDocuments.ID, id)), 1);
          if (found.scoreDocs.length == 0) {
            continue; // the parent is not stored (yet): it is counted when it comes
          }
          post = documents.read(searcher.storedFields().document(found.scoreDocs[0].doc)).post();
        }
        BooleanQuery.Builder answers =
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PostDocuments.PARENT, id)), Occur.FILTER)
                .add(ANSWER_KINDS, Occur.FILTER);
        if (post.author() != null) {
          answers.add(
              new TermQuery(documents.keywordTerm(PostDocuments.AUTHOR, post.author().id())),
              Occur.MUST_NOT);
        }
        int count = searcher.count(answers.build());
        if (count > 0 || !batch.containsKey(id)) {
          writer.updateNumericDocValue(
              new Term(PostDocuments.ID, id), PostDocuments.ANSWERS, count);
        }
      }
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public SearchPage search(SearchRequest request) throws QuerySyntaxException {
    Query query = compile(request);
    try {
      // exact total: count every hit instead of stopping at Lucene's default of 1,000
      return find(query, NEWEST_FIRST, request.limit());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(e);
    }
  }

  @Override
  public long scan(SearchRequest request, Consumer<? super StoredPost> each)
      throws QuerySyntaxException {
    Query query = compile(request);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        // one searcher for the whole scan: the pages read the same point in time
        StoredFields stored = searcher.storedFields();
        long handed = 0;
        FieldDoc after = null;
        while (true) {
          TopFieldDocs page =
              searcher.search(
                  query, new TopFieldCollectorManager(NEWEST_FIRST, SCAN_PAGE, after, SCAN_PAGE));
          for (ScoreDoc hit : page.scoreDocs) {
            each.accept(documents.read(stored.document(hit.doc)));
            handed++;
          }
          if (page.scoreDocs.length < SCAN_PAGE) {
            return handed;
          }
          after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
      } finally {
        searchers.release(searcher);
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the post index", e);
    }
  }

  private static IllegalArgumentException tooManyClauses(IndexSearcher.TooManyClauses e) {
    return new IllegalArgumentException(
        "the query expands to more than "
            + IndexSearcher.getMaxClauseCount()
            + " words (a short wildcard inside NEAR?); use a longer prefix",
        e);
  }

  /** The request as one Lucene query: its search, project, window and filters. */
  private Query compile(SearchRequest request) throws QuerySyntaxException {
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
    filter(filtered, request.filters());
    return filtered.build();
  }

  private void filter(BooleanQuery.Builder query, SearchRequest.Filters filters) {
    if (!filters.matchedQueries().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String id : filters.matchedQueries()) {
        any.add(new TermQuery(new Term(PostDocuments.MATCHED_QUERY, id)), Occur.SHOULD);
      }
      query.add(any.build(), Occur.FILTER);
    }
    if (filters.sentiment() != null) {
      query.add(
          new TermQuery(new Term(PostDocuments.SENTIMENT, filters.sentiment())), Occur.FILTER);
    }
    keywordFilter(query, PostDocuments.LANG, filters.lang());
    keywordFilter(query, PostDocuments.SOURCE, filters.sourceId());
    keywordFilter(query, PostDocuments.AUTHOR, filters.authorId());
    if (filters.kind() != null) {
      keywordFilter(query, PostDocuments.KIND, filters.kind().label());
    }
    if (filters.answered() != null) {
      Query answered =
          NumericDocValuesField.newSlowRangeQuery(PostDocuments.ANSWERS, 1, Long.MAX_VALUE);
      query.add(answered, filters.answered() ? Occur.FILTER : Occur.MUST_NOT);
    }
  }

  private void keywordFilter(BooleanQuery.Builder query, String field, String value) {
    if (value != null) {
      query.add(new TermQuery(documents.keywordTerm(field, value)), Occur.FILTER);
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
  public List<StoredPost> byAuthor(String author, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (author.isBlank()) {
      return List.of();
    }
    Query query =
        new TermQuery(
            documents.keywordTerm(
                PostDocuments.AUTHOR, author.startsWith("@") ? author.substring(1) : author));
    return find(query, NEWEST_FIRST, limit).posts();
  }

  @Override
  public int delete(Collection<String> postIds) {
    if (postIds.isEmpty()) {
      return 0;
    }
    try {
      int deleted = 0;
      for (String id : new LinkedHashSet<>(postIds)) {
        if (get(id).isPresent()) {
          writer.deleteDocuments(new Term(PostDocuments.ID, id));
          deleted++;
        }
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
      expungeDeleted();
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + postIds.size() + " posts", e);
    }
  }

  @Override
  public void expungeDeleted() {
    try {
      // the merge rewrites each segment that has deleted documents without them; once the commit
      // no longer needs the old segments and no searcher reads them, their files are deleted
      writer.forceMergeDeletes(true);
      writer.commit();
      searchers.maybeRefreshBlocking();
      writer.deleteUnusedFiles();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot expunge deleted posts from the index", e);
    }
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
