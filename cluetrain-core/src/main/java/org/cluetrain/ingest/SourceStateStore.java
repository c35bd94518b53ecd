package org.cluetrain.ingest;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a live source needs to remember between polls and restarts: its health (shown to the user)
 * and a feed's HTTP validators (so the next fetch is a conditional GET).
 */
public interface SourceStateStore {

  /** Adds or replaces the health of a source. */
  void saveHealth(SourceHealth health);

  /** The health of every source, by project and source id. */
  List<SourceHealth> health();

  /**
   * Remembers a feed's HTTP validators ({@code ETag}, {@code Last-Modified}), so that after a
   * restart the next fetch is still a conditional GET. A source without saved health is ignored.
   */
  void saveValidators(String sourceId, @Nullable String etag, @Nullable String lastModified);

  /** The validators remembered for a source: {@code [etag, lastModified]}, either may be null. */
  Optional<String[]> validators(String sourceId);

  /**
   * Remembers where a live source resumes, after the posts fetched up to there are stored: a
   * restart continues from it with no gap and no duplicate. A source without saved health is
   * ignored; {@code null} forgets the cursor.
   */
  void saveCursor(String sourceId, @Nullable String cursor);

  /** The cursor remembered for a source. */
  Optional<String> cursor(String sourceId);

  /** Adds a source defined on the Sources page, or replaces the one of that project and name. */
  void saveDefinition(SourceDefinition definition);

  /** Removes the source of that project and name; answers whether there was one. */
  boolean removeDefinition(String project, String name);

  /** The sources defined on the Sources page, by project and name. */
  List<SourceDefinition> definitions();
}
