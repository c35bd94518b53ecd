package org.cluetrain.enrich.language;

/** Tells which language a text is written in. Implementations must be thread-safe. */
public interface LanguageIdentifier {

  /** The code for "undetermined" (ISO 639-2), returned when a text is too short or unclear. */
  String UNDETERMINED = "und";

  /** The ISO 639-1 code of the text's language, or {@link #UNDETERMINED}. */
  String identify(String text);
}
