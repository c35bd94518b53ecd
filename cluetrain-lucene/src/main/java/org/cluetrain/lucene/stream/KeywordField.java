package org.cluetrain.lucene.stream;

/** The keyword fields of a post a query can name, as {@code PostDocuments} indexes them. */
enum KeywordField {
  LANG,
  SOURCE,
  AUTHOR,
  SITE,
  KIND,
  HASHTAG,
  MENTION;

  /** The key of a normalised value of this field in the vocabulary. */
  String key(String normalized) {
    return (char) ('0' + ordinal()) + normalized;
  }
}
