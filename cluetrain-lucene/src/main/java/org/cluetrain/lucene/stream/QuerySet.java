package org.cluetrain.lucene.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.Sites;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;

/**
 * One immutable generation of registered queries: their conditions, the index from evidence to the
 * queries that need it, the always-run list, and the vocabulary posts are analysed against.
 */
final class QuerySet {
  final String[] ids;
  final String[] projects;
  final Condition[] conditions;

  /** For each evidence id, the queries (indexes) that name it as required evidence. */
  private final int[][] byEvidence;

  /** Queries without required evidence: candidates for every post. */
  final int[] alwaysRun;

  private final TermTable textWords;
  private final TermTable titleWords;
  private final PrefixTrie textPrefixes;
  private final PrefixTrie titlePrefixes;
  private final Map<String, Integer> keywords;
  private final boolean usesTitle;

  static final QuerySet EMPTY =
      new QuerySet(new QueryCompiler(new PostAnalyzer()), List.of(), List.of(), List.of());

  QuerySet(
      QueryCompiler compiler,
      List<String> ids,
      List<String> projects,
      List<QueryCompiler.Compiled> compiled) {
    this.ids = ids.toArray(String[]::new);
    this.projects = projects.toArray(String[]::new);
    this.conditions =
        compiled.stream().map(QueryCompiler.Compiled::condition).toArray(Condition[]::new);
    int[] counts = new int[compiler.idCount()];
    List<Integer> always = new ArrayList<>();
    for (int q = 0; q < compiled.size(); q++) {
      QueryCompiler.Evidence evidence = compiled.get(q).evidence();
      if (evidence == null) {
        always.add(q);
      } else {
        for (int id : distinct(evidence.ids())) {
          counts[id]++;
        }
      }
    }
    this.byEvidence = new int[counts.length][];
    for (int id = 0; id < counts.length; id++) {
      byEvidence[id] = counts[id] == 0 ? null : new int[counts[id]];
      counts[id] = 0;
    }
    for (int q = 0; q < compiled.size(); q++) {
      QueryCompiler.Evidence evidence = compiled.get(q).evidence();
      if (evidence != null) {
        for (int id : distinct(evidence.ids())) {
          byEvidence[id][counts[id]++] = q;
        }
      }
    }
    this.alwaysRun = always.stream().mapToInt(Integer::intValue).toArray();
    this.textWords = compiler.textWords;
    this.titleWords = compiler.titleWords;
    this.textPrefixes = PrefixTrie.of(compiler.textPrefixes);
    this.titlePrefixes = PrefixTrie.of(compiler.titlePrefixes);
    this.keywords = Map.copyOf(compiler.keywords);
    this.usesTitle = compiler.usesTitle;
  }

  private static int[] distinct(int[] ids) {
    return Arrays.stream(ids).distinct().toArray();
  }

  int size() {
    return ids.length;
  }

  /** The queries needing evidence {@code id}, or {@code null}. */
  int[] needing(int id) {
    return byEvidence[id];
  }

  /** Analyses a post once: its text and title against the vocabulary, and its keyword values. */
  PostView view(Post post, PostAnalyzer analyzer) {
    FieldTokens text = analyze(analyzer, "text", post.fullText(), textWords, textPrefixes);
    FieldTokens title = FieldTokens.EMPTY;
    if (usesTitle && post.title() != null && !post.title().isBlank()) {
      title = analyze(analyzer, "title", post.title(), titleWords, titlePrefixes);
    }
    return new PostView(text, title, keywords.isEmpty() ? new int[0] : keywordIds(post, analyzer));
  }

  private static FieldTokens analyze(
      PostAnalyzer analyzer, String field, String value, TermTable words, PrefixTrie prefixes) {
    if (words.size() == 0 && prefixes.isEmpty()) {
      return FieldTokens.EMPTY;
    }
    FieldTokens.Builder tokens = new FieldTokens.Builder();
    try (TokenStream stream = analyzer.tokenStream(field, value)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        int id = words.get(term.buffer(), term.length());
        if (id >= 0) {
          tokens.add(id, position);
        }
        prefixes.prefixesOf(term.buffer(), term.length(), position, tokens);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    return tokens.build();
  }

  /** The post's keyword values as {@code PostDocuments#forMatching} indexes them. */
  private int[] keywordIds(Post post, PostAnalyzer analyzer) {
    KeywordIds found = new KeywordIds(analyzer);
    found.add(KeywordField.LANG, post.lang());
    found.add(KeywordField.SOURCE, post.source().id());
    found.add(KeywordField.SOURCE, post.source().type().label());
    found.add(KeywordField.SOURCE, post.source().name());
    Author author = post.author();
    if (author != null) {
      found.add(KeywordField.AUTHOR, author.id());
      found.add(KeywordField.AUTHOR, author.name());
      found.add(KeywordField.AUTHOR, author.handle());
    }
    for (String site : Sites.siteAndParents(post.site())) {
      found.add(KeywordField.SITE, site);
    }
    found.add(KeywordField.KIND, post.kind().label());
    post.hashtags().forEach(tag -> found.add(KeywordField.HASHTAG, tag));
    post.mentions().forEach(account -> found.add(KeywordField.MENTION, account));
    return found.sorted();
  }

  /** Collects the ids of the registered keyword values among a post's values. */
  private final class KeywordIds {
    private final PostAnalyzer analyzer;
    private int[] ids = new int[8];
    private int count;

    KeywordIds(PostAnalyzer analyzer) {
      this.analyzer = analyzer;
    }

    void add(KeywordField field, String value) {
      if (value == null || value.isBlank()) {
        return;
      }
      Integer id = keywords.get(field.key(analyzer.normalizeKeyword(value)));
      if (id != null) {
        if (count == ids.length) {
          ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
      }
    }

    int[] sorted() {
      int[] sorted = Arrays.copyOf(ids, count);
      Arrays.sort(sorted);
      return sorted;
    }
  }
}
