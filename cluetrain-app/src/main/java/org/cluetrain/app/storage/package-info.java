/**
 * Storage, chosen by configuration: the {@link org.cluetrain.app.storage.StorageBackend} a runtime
 * uses, the workspace's {@code storage:} section ({@link org.cluetrain.app.storage.StorageConfig})
 * and the backends this build can open ({@link org.cluetrain.app.storage.StorageBackends}).
 *
 * <p>To add a backend: implement every port of {@code StorageBackend} in a backend module, run each
 * compatibility kit of {@code cluetrain-testkit} against it, implement {@code StorageBackend} over
 * its stores, and register its factory in {@code StorageBackends}.
 */
package org.cluetrain.app.storage;
