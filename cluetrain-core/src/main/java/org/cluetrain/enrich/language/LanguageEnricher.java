package org.cluetrain.enrich.language;

import java.util.Objects;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Post;
import org.jspecify.annotations.Nullable;

/**
 * Sets {@link Post#lang()} from the post's text. A language the source declared is kept only when
 * the text says nothing (too short, only links or emoji): feeds often declare one language for
 * everything they carry, so the text is the better witness.
 */
public final class LanguageEnricher implements Enricher {
  /** Texts longer than this are cut before identification: the start says enough, cheaply. */
  static final int MAX_CHARS = 600;

  private final LanguageIdentifier identifier;

  public LanguageEnricher(LanguageIdentifier identifier) {
    this.identifier = Objects.requireNonNull(identifier, "identifier");
  }

  @Override
  public String name() {
    return "language";
  }

  @Override
  public Post enrich(Post post) {
    String text = post.fullText();
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    String detected = identifier.identify(sample);
    String declared = normalise(post.lang());
    String lang =
        LanguageIdentifier.UNDETERMINED.equals(detected) && declared != null ? declared : detected;
    return lang.equals(post.lang()) ? post : post.toBuilder().lang(lang).build();
  }

  /** Reduces a declared tag such as {@code de-DE} or {@code EN} to its ISO 639-1 code. */
  static @Nullable String normalise(@Nullable String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    String primary = declared.strip().toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
    return primary.length() == 2 ? primary : null;
  }
}
