package org.cluetrain.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.cluetrain.lucene.LuceneQueryCompiler;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;

/**
 * Baseline (a): Lucene's monitor used directly, as a team would without Cluetrain: the default
 * {@code new Monitor(analyzer)}, the same {@link PostAnalyzer}, the same compiled queries, and
 * documents with the same fields as the pipeline's matcher builds. Written out here on purpose,
 * independently of the Lucene module's internals, so that agreement is evidence and not a
 * tautology.
 */
final class MonitorBaseline implements AutoCloseable {
  private final PostAnalyzer analyzer;
  private final Monitor monitor;
  private final List<String> problems = new ArrayList<>();

  MonitorBaseline(PostAnalyzer analyzer, Collection<SavedQuery> queries) {
    this.analyzer = analyzer;
    LuceneQueryCompiler compiler = new LuceneQueryCompiler(analyzer);
    List<MonitorQuery> compiled = new ArrayList<>(queries.size());
    for (SavedQuery saved : queries) {
      try {
        compiled.add(new MonitorQuery(saved.id(), compiler.compile(saved.text())));
      } catch (QuerySyntaxException | RuntimeException e) {
        problems.add(saved.id() + ": " + e.getMessage());
      }
    }
    try {
      this.monitor = new Monitor(analyzer);
      monitor.register(compiled);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot register the baseline's queries", e);
    }
  }

  /** Queries that did not compile (the pipeline's matcher must report the same ones). */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** For each post, in order, the ids of the queries it matched, sorted. */
  List<List<String>> match(List<Post> posts) {
    Document[] documents = posts.stream().map(this::document).toArray(Document[]::new);
    try {
      MultiMatchingQueries<QueryMatch> result = monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
      if (!result.getErrors().isEmpty()) {
        throw new IllegalStateException("queries failed in the baseline: " + result.getErrors());
      }
      List<List<String>> matches = new ArrayList<>(posts.size());
      for (int i = 0; i < posts.size(); i++) {
        matches.add(result.getMatches(i).stream().map(QueryMatch::getQueryId).sorted().toList());
      }
      return matches;
    } catch (IOException e) {
      throw new UncheckedIOException("the baseline monitor failed", e);
    }
  }

  /** The searchable fields of a post: text, title and the normalised keyword fields. */
  Document document(Post post) {
    Document doc = new Document();
    doc.add(new TextField("text", post.fullText(), Store.NO));
    if (post.title() != null && !post.title().isBlank()) {
      doc.add(new TextField("title", post.title(), Store.NO));
    }
    keyword(doc, "lang", post.lang());
    keyword(doc, "source", post.source().id());
    keyword(doc, "source", post.source().type().label());
    keyword(doc, "source", post.source().name());
    Author author = post.author();
    if (author != null) {
      keyword(doc, "author", author.id());
      keyword(doc, "author", author.name());
      keyword(doc, "author", author.handle());
    }
    for (String site : siteAndParents(post.site())) {
      keyword(doc, "site", site);
    }
    keyword(doc, "kind", post.kind().label());
    post.hashtags().forEach(tag -> keyword(doc, "hashtag", tag));
    post.mentions().forEach(account -> keyword(doc, "mention", account));
    return doc;
  }

  private static List<String> siteAndParents(String host) {
    if (host == null || host.isBlank()) {
      return List.of();
    }
    String site = host.strip().toLowerCase(Locale.ROOT);
    Set<String> sites = new LinkedHashSet<>();
    sites.add(site);
    if (!site.chars().allMatch(c -> Character.isDigit(c) || c == '.') && !site.contains(":")) {
      for (int dot = site.indexOf('.'); dot >= 0; dot = site.indexOf('.', dot + 1)) {
        if (dot + 1 < site.length()) {
          sites.add(site.substring(dot + 1));
        }
      }
    }
    return new ArrayList<>(sites);
  }

  private void keyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field, analyzer.normalizeKeyword(value), Store.NO));
    }
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
