package org.cluetrain.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A word-valence lexicon shipped as a resource ({@code lexicon/<lang>.tsv}: lower-cased word, tab,
 * valence in -1..1; sources and licences in {@code lexicon/NOTICE.md}), plus the intensifiers of
 * its language. Immutable; loaded once per language.
 */
final class SentimentLexicon {

  private static final Map<String, SentimentLexicon> LOADED = new ConcurrentHashMap<>();

  private static final Set<String> INTENSIFIERS =
      Set.of(
          // German
          "sehr",
          "total",
          "extrem",
          "echt",
          "voll",
          "super",
          "mega",
          "absolut",
          "wirklich",
          "richtig",
          "besonders",
          "ziemlich",
          "so",
          "zu",
          "äußerst",
          "unglaublich",
          // English ("so" and "super" are in both)
          "very",
          "really",
          "extremely",
          "absolutely",
          "totally",
          "completely",
          "too",
          "incredibly",
          "truly",
          "most",
          "highly",
          "pretty",
          "quite");

  private final Map<String, Float> valence;

  private SentimentLexicon(Map<String, Float> valence) {
    this.valence = valence;
  }

  /** The lexicon of {@code lang}, or {@code null} for {@code ""}. */
  static SentimentLexicon of(String lang) {
    if (lang.isEmpty()) {
      return null;
    }
    return LOADED.computeIfAbsent(lang, SentimentLexicon::read);
  }

  private static SentimentLexicon read(String lang) {
    String resource = "lexicon/" + lang + ".tsv";
    Map<String, Float> valence = new HashMap<>();
    try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        valence.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return new SentimentLexicon(valence);
  }

  /** The valence of a normalised word in -1..1, 0 when unknown. */
  float valence(String word) {
    Float v = valence.get(word);
    return v == null ? 0f : v;
  }

  static boolean isIntensifier(String word) {
    return INTENSIFIERS.contains(word);
  }
}
