package org.cluetrain.kafka;

/**
 * What one {@link PostLogReader#poll} did.
 *
 * @param records the records it read
 * @param posts the posts it handed over
 * @param deadLetters the malformed records it sent to the dead-letter topic
 */
public record ReadOutcome(int records, int posts, int deadLetters) {
  public static final ReadOutcome NOTHING = new ReadOutcome(0, 0, 0);

  public ReadOutcome {
    if (records < 0 || posts < 0 || deadLetters < 0 || posts + deadLetters != records) {
      throw new IllegalArgumentException(
          "a read of "
              + records
              + " records handed over "
              + posts
              + " posts and dead-lettered "
              + deadLetters);
    }
  }
}
