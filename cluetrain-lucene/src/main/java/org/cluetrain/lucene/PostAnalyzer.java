package org.cluetrain.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

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

  /** A word of a query after analysis, with its position; the first word is at 0. */
  public record Word(String text, int position) {}

  /**
   * The words of a query's term or phrase as this analysis splits them, positions starting at 0:
   * what every query compiler (Lucene's and the stream matcher's) must agree on.
   *
   * @throws IllegalArgumentException when nothing searchable is left after analysis
   */
  public List<Word> queryWords(String field, String text) {
    List<Word> words = new ArrayList<>();
    try (TokenStream stream = tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        words.add(new Word(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has no words to search for");
    }
    int shift = words.get(0).position();
    if (shift > 0) {
      words.replaceAll(word -> new Word(word.text(), word.position() - shift));
    }
    return words;
  }
}
