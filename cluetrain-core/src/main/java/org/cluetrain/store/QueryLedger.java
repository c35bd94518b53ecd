package org.cluetrain.store;

import java.util.Collection;
import java.util.List;
import org.cluetrain.query.SavedQuery;

/**
 * The queries in effect, recorded beside their matches so that the counts in the store can be read
 * with the definitions that produced them (the source of truth stays the workspace and the {@link
 * org.cluetrain.query.QueryStore}).
 */
public interface QueryLedger {

  /** Replaces the saved queries of the given projects with these. */
  void saveQueries(Collection<String> projects, Collection<SavedQuery> queries);

  /** Every query recorded, by project and name. */
  List<SavedQuery> queries();
}
