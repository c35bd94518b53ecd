package org.cluetrain.lucene.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.Sites;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;

/**
 * One generation of registered queries: their conditions, the vocabulary posts are analysed
 * against, and the {@link EvidencePlan} that picks candidates. The queries never change; the plan
 * is replaced when the stream has shown how common each id is (after 1,000, 10,000, 100,000 and
 * 1,000,000 posts), which changes only which queries are candidates, never what matches.
 */
final class QuerySet {
  /** Posts seen before the plan is made from the stream's frequencies, growing tenfold. */
  private static final long FIRST_PLAN = 1_000;

  private static final long LAST_PLAN = 1_000_000;

  final String[] ids;
  final String[] projects;
  final Condition[] conditions;

  private final TermTable textWords;
  private final TermTable titleWords;
  private final PrefixTrie textPrefixes;
  private final PrefixTrie titlePrefixes;
  private final Map<String, Integer> keywords;
  private final boolean usesTitle;

  /** Guessed share of posts containing each id, until the stream has shown it. */
  private final double[] guessed;

  /** How many of the posts seen contained each id (updated without locks: only a guide). */
  private final int[] seen;

  private final AtomicLong posts = new AtomicLong();
  private long nextPlan = FIRST_PLAN; // guarded by this
  private volatile EvidencePlan plan;

  static final QuerySet EMPTY =
      new QuerySet(new QueryCompiler(new PostAnalyzer()), List.of(), List.of(), List.of());

  QuerySet(
      QueryCompiler compiler, List<String> ids, List<String> projects, List<Condition> conditions) {
    this.ids = ids.toArray(String[]::new);
    this.projects = projects.toArray(String[]::new);
    this.conditions = conditions.toArray(Condition[]::new);
    this.textWords = compiler.textWords;
    this.titleWords = compiler.titleWords;
    this.textPrefixes = PrefixTrie.of(compiler.textPrefixes);
    this.titlePrefixes = PrefixTrie.of(compiler.titlePrefixes);
    this.keywords = Map.copyOf(compiler.keywords);
    this.usesTitle = compiler.usesTitle;
    this.guessed = compiler.guessedCosts();
    this.seen = new int[guessed.length];
    this.plan = EvidencePlan.of(this.conditions, guessed);
  }

  EvidencePlan plan() {
    return plan;
  }

  /** Counts the ids of a post, for the next plan. */
  void learn(PostView post) {
    if (nextPlanPending()) {
      for (int id : post.text().ids()) {
        seen[id]++;
      }
      for (int id : post.title().ids()) {
        seen[id]++;
      }
      for (int id : post.keywords()) {
        seen[id]++;
      }
    }
  }

  private boolean nextPlanPending() {
    return posts.get() < LAST_PLAN;
  }

  /** Records that {@code count} posts were matched; plans anew when a threshold is passed. */
  void matched(int count) {
    long total = posts.addAndGet(count);
    synchronized (this) {
      if (total < nextPlan || nextPlan > LAST_PLAN) {
        return;
      }
      nextPlan *= 10;
      double[] cost = new double[guessed.length];
      for (int id = 0; id < cost.length; id++) {
        // the share of posts seen that held the id; the guess only breaks ties
        cost[id] = (double) seen[id] / total + guessed[id] * 1e-3;
      }
      plan = EvidencePlan.of(conditions, cost);
    }
  }

  int size() {
    return ids.length;
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
