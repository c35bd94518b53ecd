package org.cluetrain.inbox;

import java.util.List;
import java.util.Locale;
import org.cluetrain.model.Post;

/**
 * The channels a project runs itself (its blog, its accounts): source ids such as {@code
 * feed:https://blog.example/feed} or host names such as {@code blog.example}, which also cover
 * their subdomains ({@code www.blog.example}); and the accounts it writes under there and
 * elsewhere, by handle or name.
 *
 * @param entries the channels' source ids and host names
 * @param accounts the project's own accounts: handles (with or without {@code @}) or names
 */
public record OwnChannels(List<String> entries, List<String> accounts) {
  public static final OwnChannels NONE = new OwnChannels(List.of(), List.of());

  /** Channels with no accounts named. */
  public OwnChannels(List<String> entries) {
    this(entries, List.of());
  }

  public OwnChannels {
    entries =
        (entries == null ? List.<String>of() : entries)
            .stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toList();
    accounts =
        (accounts == null ? List.<String>of() : accounts)
            .stream().map(OwnChannels::account).filter(a -> !a.isEmpty()).toList();
  }

  /**
   * Whether one of the project's own accounts wrote the post: the project speaking (its status
   * post, its answers), which is nothing for its own inbox to answer.
   */
  public boolean writtenByUs(Post post) {
    if (post.author() == null || accounts.isEmpty()) {
      return false;
    }
    String handle = post.author().handle();
    return accounts.contains(account(post.author().name()))
        || (handle != null && accounts.contains(account(handle)));
  }

  private static String account(String nameOrHandle) {
    String account = nameOrHandle.strip().toLowerCase(Locale.ROOT);
    return account.startsWith("@") ? account.substring(1) : account;
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
