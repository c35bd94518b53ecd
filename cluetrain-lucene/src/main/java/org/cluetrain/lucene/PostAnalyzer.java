package org.cluetrain.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The one analysis Cluetrain uses for matching and for indexing, so that a query finds the same
 * posts on the live stream and in history.
 *
 * <p>Words are split by Unicode rules ({@link StandardTokenizer}), lower-cased, German-normalised
 * ({@code ä}/{@code ae} → {@code a}, {@code ß} → {@code ss}) and folded to ASCII ({@code é} →
 * {@code e}). So {@code Müller}, {@code Mueller} and {@code muller} are the same word. There is no
 * stemming and no stop-word list: {@code bahn} does not find {@code Bahnsteig} ({@code bahn*}
 * does), and a phrase keeps every word. The same analysis serves every language on purpose: a
 * mis-detected language must never change what a query matches.
 *
 * <p>Keyword fields ({@code lang}, {@code source}, {@code author}, {@code site}, {@code hashtag},
 * …) are not split but go through the same normalisation ({@link #normalizeKeyword(String)}).
 */
public final class PostAnalyzer extends Analyzer {

  /**
   * Keyword values (languages, sources, authors, sites) repeat across posts; normalising each
   * through a token stream again cost about a tenth of indexing time.
   */
  private static final int MAX_CACHED_KEYWORDS = 100_000;

  private final java.util.concurrent.ConcurrentHashMap<String, String> keywords =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    return new TokenStreamComponents(tokenizer, fold(tokenizer));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return fold(in);
  }

  private static TokenStream fold(TokenStream in) {
    return new ASCIIFoldingFilter(new GermanNormalizationFilter(new LowerCaseFilter(in)));
  }

  /**
   * A keyword or a wildcard prefix, normalised like words but not split: {@code Hans Müller} →
   * {@code hans muller}.
   */
  public String normalizeKeyword(String value) {
    String cached = keywords.get(value);
    if (cached != null) {
      return cached;
    }
    String normalized = normalize("keyword", value.strip()).utf8ToString();
    if (keywords.size() >= MAX_CACHED_KEYWORDS) {
      keywords.clear(); // crude but bounded: the working set refills within a batch
    }
    keywords.put(value, normalized);
    return normalized;
  }
}
