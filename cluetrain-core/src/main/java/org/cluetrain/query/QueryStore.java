package org.cluetrain.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the saved queries written in the web interface are kept, beside the workspace file's. A
 * query saved here under the same project and name as one of the file's replaces it while it is
 * here; deleting it brings the file's back.
 */
public interface QueryStore extends AutoCloseable {

  /**
   * A query as someone last saved it.
   *
   * @param editedBy the account that saved it
   * @param edited when
   */
  record Edit(SavedQuery query, String editedBy, Instant edited) {
    public Edit {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(editedBy, "editedBy");
      Objects.requireNonNull(edited, "edited");
    }
  }

  /** Every saved query, by project and name. */
  List<Edit> all();

  /** Adds the query, or replaces the one with the same project and name. */
  void save(Edit edit);

  /** Removes the query; answers whether there was one. */
  boolean delete(String project, String name);

  @Override
  void close();
}
