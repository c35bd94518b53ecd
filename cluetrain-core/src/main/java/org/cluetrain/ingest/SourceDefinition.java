package org.cluetrain.ingest;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A live source an admin added on the Sources page (the workspace file declares the others): what
 * is needed to build its connector again after a restart.
 *
 * @param project the project it collects for
 * @param name its name in the project, unique there
 * @param kind the connector: {@code mastodon}
 * @param url the instance or site it reads from
 * @param settings the connector's settings, as the workspace file names them ({@code tag}, {@code
 *     token-env}, …)
 * @param everySeconds how often it is polled
 */
public record SourceDefinition(
    String project,
    String name,
    String kind,
    String url,
    Map<String, String> settings,
    long everySeconds) {
  public SourceDefinition {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    settings = Map.copyOf(settings);
  }

  /** A setting, or {@code null}. */
  public @Nullable String setting(String key) {
    return settings.get(key);
  }
}
