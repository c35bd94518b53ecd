package org.cluetrain.connectors.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.Source;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.ManualClock;

/**
 * What a connector's test runs its source in: a manual clock, a ledger in SQLite (cursors, health
 * and gaps, kept across runners as across restarts) and the posts the runners stored.
 */
public final class SourceHarness implements AutoCloseable {
  public final ManualClock clock;
  public final JdbcStorage storage;
  public final List<Post> stored = new CopyOnWriteArrayList<>();
  private final Instant start;

  public SourceHarness(Path directory, Instant start) {
    this.start = start;
    this.clock = new ManualClock(start);
    this.storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
  }

  /** A runner of the source, polling only when told to, storing into {@link #stored}. */
  public SourceRunner runner(Source source) {
    return new SourceRunner(
        List.of(source),
        (s, posts, problems) -> stored.addAll(posts),
        storage.sourceStates(),
        storage.gaps(),
        clock,
        Duration.ofSeconds(1),
        Duration.ZERO);
  }

  /** The source's gaps, from an hour before the start to a day after. */
  public List<Gap> gaps(Source source) {
    return storage
        .gaps()
        .gaps(source.id(), start.minusSeconds(3600), start.plus(Duration.ofDays(1)));
  }

  @Override
  public void close() {
    storage.close();
  }
}
