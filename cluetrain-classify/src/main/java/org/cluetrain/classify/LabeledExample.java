package org.cluetrain.classify;

import java.util.Objects;

/**
 * One labelled text, as in a row of the shared TSV format ({@code id lang label text}).
 *
 * @param id the row's id, unique within its file
 * @param lang ISO 639-1 language code
 * @param label the gold label
 * @param text the text (may be empty only when built in code; the reader rejects empty texts)
 */
public record LabeledExample(String id, String lang, String label, String text) {
  public LabeledExample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(label, "label");
    text = text == null ? "" : text;
  }
}
