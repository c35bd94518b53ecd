package org.cluetrain.inbox;

import java.util.List;
import java.util.Locale;
import org.cluetrain.model.Post;

/**
 * The channels a project runs itself (its blog, its accounts): source ids such as {@code
 * feed:https://blog.example/feed} or host names such as {@code blog.example}, which also cover
 * their subdomains ({@code www.blog.example}).
 */
public record OwnChannels(List<String> entries) {
  public static final OwnChannels NONE = new OwnChannels(List.of());

  public OwnChannels {
    entries =
        (entries == null ? List.<String>of() : entries)
            .stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toList();
  }

  /** Whether the post was found in, or was written on, one of these channels. */
  public boolean contains(Post post) {
    String source = post.source().id().toLowerCase(Locale.ROOT);
    String site = post.site();
    for (String entry : entries) {
      if (entry.equals(source)) {
        return true;
      }
      if (site != null && (site.equals(entry) || site.endsWith("." + entry))) {
        return true;
      }
    }
    return false;
  }
}
