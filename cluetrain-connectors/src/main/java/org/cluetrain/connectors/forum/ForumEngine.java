package org.cluetrain.connectors.forum;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/** The forum software a page comes from, recognised by its markup. */
public enum ForumEngine {
  DISCOURSE("Discourse"),
  PHPBB("phpBB"),
  XENFORO("XenForo"),
  VBULLETIN("vBulletin"),
  WORDPRESS("WordPress");

  private final String shown;

  ForumEngine(String shown) {
    this.shown = shown;
  }

  /** The name the software gives itself, as messages show it. */
  public String shown() {
    return shown;
  }

  /** The lower-case name kept in cursors. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The engine whose markup the page carries, or {@code null}: the generator meta tag (Discourse,
   * vBulletin, WordPress), the root and body marks of the templates ({@code html#XF} of XenForo 2,
   * {@code body#phpbb} of prosilver), then their characteristic markup.
   */
  static @Nullable ForumEngine recognise(Document page) {
    String generator = page.select("meta[name=generator]").attr("content").toLowerCase(Locale.ROOT);
    if (generator.startsWith("discourse")) {
      return DISCOURSE;
    }
    if (generator.startsWith("vbulletin")) {
      return VBULLETIN;
    }
    if (generator.startsWith("wordpress")) {
      return WORDPRESS;
    }
    if (page.selectFirst("html#XF") != null
        || page.selectFirst("article.message[data-content]") != null) {
      return XENFORO;
    }
    if (page.selectFirst("body#phpbb") != null
        || (page.selectFirst("div.post[id~=^p\\d+$] div.postbody") != null)) {
      return PHPBB;
    }
    if (page.selectFirst("li.postcontainer[id^=post_]") != null) {
      return VBULLETIN;
    }
    if (page.selectFirst("ol.comment-list li.comment, ol.commentlist li.comment") != null) {
      return WORDPRESS;
    }
    return null;
  }
}
