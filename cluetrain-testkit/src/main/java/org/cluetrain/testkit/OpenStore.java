package org.cluetrain.testkit;

import java.util.Objects;

/**
 * A store a kit opened, with what to close when the test is done: for ports that do not close
 * themselves because their backend is shared (alerts live beside the ledger).
 *
 * @param store the port under test
 * @param backend closes the connection or files behind it
 */
public record OpenStore<T>(T store, AutoCloseable backend) implements AutoCloseable {
  public OpenStore {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(backend, "backend");
  }

  @Override
  public void close() throws Exception {
    backend.close();
  }
}
