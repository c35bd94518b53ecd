package org.cluetrain.app.storage;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.access.AccountStore;
import org.cluetrain.jdbc.JdbcStorage;

/**
 * The backends this build can open, by kind. Adding one is a class implementing {@link
 * StorageBackend} and one line in {@link #FACTORIES}.
 */
public final class StorageBackends {

  /** Opens a backend for a configuration; embedded data lives in {@code dataDir}. */
  @FunctionalInterface
  public interface Factory {
    StorageBackend open(StorageConfig config, Path dataDir);
  }

  private static final Map<StorageConfig.Kind, Factory> FACTORIES =
      new EnumMap<>(
          Map.of(
              StorageConfig.Kind.EMBEDDED,
              (config, dataDir) -> RelationalAndIndexStorage.embedded(dataDir),
              StorageConfig.Kind.POSTGRESQL,
              RelationalAndIndexStorage::postgresql));

  private StorageBackends() {}

  /**
   * Why this build cannot open the kind of storage, or empty when it can: checked when the
   * configuration is read, so that it is reported with every other problem at start.
   */
  public static Optional<String> unavailable(StorageConfig.Kind kind) {
    return FACTORIES.containsKey(kind)
        ? Optional.empty()
        : Optional.of("storage kind " + kind.label() + " is not available in this build");
  }

  /**
   * Opens the configured backend.
   *
   * @throws IllegalArgumentException when this build has no such backend
   */
  public static StorageBackend open(StorageConfig config, Path dataDir) {
    Factory factory = FACTORIES.get(config.kind());
    if (factory == null) {
      throw new IllegalArgumentException(unavailable(config.kind()).orElseThrow());
    }
    return factory.open(config, dataDir);
  }

  /**
   * Opens only the accounts of the configured backend, in its database: for managing users from
   * scripts while the server runs, which holds the searchable index. Closing the accounts closes
   * the database.
   *
   * @throws IllegalArgumentException when this build has no such backend
   */
  public static AccountStore openAccounts(StorageConfig config, Path dataDir) {
    if (!FACTORIES.containsKey(config.kind())) {
      throw new IllegalArgumentException(unavailable(config.kind()).orElseThrow());
    }
    return RelationalAndIndexStorage.relational(config, dataDir).accounts();
  }

  /**
   * Opens only the relational stores of the configured backend, without the index: for reading the
   * audit log from the command line while the server runs. Closing them closes the database.
   *
   * @throws IllegalArgumentException when this build has no such backend
   */
  public static JdbcStorage openRelational(StorageConfig config, Path dataDir) {
    if (!FACTORIES.containsKey(config.kind())) {
      throw new IllegalArgumentException(unavailable(config.kind()).orElseThrow());
    }
    return RelationalAndIndexStorage.relational(config, dataDir);
  }
}
