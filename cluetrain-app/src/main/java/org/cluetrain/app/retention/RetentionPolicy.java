package org.cluetrain.app.retention;

import java.net.URI;
import java.util.Locale;
import org.cluetrain.app.workspace.RetentionPeriod;
import org.cluetrain.app.workspace.Workspace;

/**
 * How long a project keeps the posts of one source: the source's own {@code retention} when the
 * workspace gives one, else {@code own_channels} for the project's own channels (its inbox's {@code
 * own_channels}) and {@code third_party} for every other source.
 */
public final class RetentionPolicy {
  private RetentionPolicy() {}

  /** Why a source is kept as long as it is. */
  public enum Basis {
    /** The source's own {@code retention}. */
    SOURCE,
    /** The project's {@code own_channels}. */
    OWN_CHANNEL,
    /** The project's {@code third_party}. */
    THIRD_PARTY;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A source's period and why.
   *
   * @param period how long its posts are kept
   * @param basis where the period comes from
   */
  public record SourcePeriod(RetentionPeriod period, Basis basis) {}

  /** How long the project keeps the posts of the source with this id. */
  public static SourcePeriod of(Workspace.Project project, String sourceId) {
    for (Workspace.FeedSource feed : project.feeds()) {
      if (feed.retention() != null && feed.sourceId().equals(sourceId)) {
        return new SourcePeriod(feed.retention(), Basis.SOURCE);
      }
    }
    for (Workspace.LiveSource live : project.liveSources()) {
      if (live.retention() != null && live.covers(sourceId)) {
        return new SourcePeriod(live.retention(), Basis.SOURCE);
      }
    }
    return ownChannel(project, sourceId)
        ? new SourcePeriod(project.retention().ownChannels(), Basis.OWN_CHANNEL)
        : new SourcePeriod(project.retention().thirdParty(), Basis.THIRD_PARTY);
  }

  /**
   * Whether the source is one of the project's own channels: its id is listed, or the host of the
   * address it names is (or is below) a listed host.
   */
  static boolean ownChannel(Workspace.Project project, String sourceId) {
    String id = sourceId.toLowerCase(Locale.ROOT);
    String host = host(id);
    for (String entry : project.inbox().ownChannels().entries()) {
      if (entry.equals(id)
          || (host != null && (host.equals(entry) || host.endsWith("." + entry)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The host a source id names: {@code feed:https://blog.example/feed}, {@code mastodon:host/…}.
   */
  private static String host(String sourceId) {
    String rest = sourceId.substring(sourceId.indexOf(':') + 1);
    try {
      if (rest.contains("://")) {
        return URI.create(rest).getHost();
      }
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    return host.isEmpty() ? null : host;
  }
}
