package org.cluetrain.web.mentions;

import java.util.ArrayList;
import java.util.List;
import org.cluetrain.match.MatchHighlighter.Span;
import org.cluetrain.model.Post;

/**
 * A post's title and text cut into pieces, some marked as matched. Templates print each piece
 * escaped and wrap the marked ones in {@code <mark>}, so no text of a post is ever taken as markup.
 */
public record HighlightedText(List<Piece> title, List<Piece> text) {

  /** A stretch of text, marked when a query matched it. */
  public record Piece(String text, boolean marked) {}

  /** Cuts the post along the spans (offsets into {@link Post#fullText()}). */
  static HighlightedText of(Post post, List<Span> spans) {
    boolean hasTitle = post.title() != null && !post.title().isBlank();
    String titleText = hasTitle ? post.title() : "";
    int textStart =
        !hasTitle ? 0 : post.text().isEmpty() ? Integer.MAX_VALUE : titleText.length() + 1;
    List<Piece> title = hasTitle ? cut(titleText, 0, spans) : List.of();
    List<Piece> text =
        textStart == Integer.MAX_VALUE ? List.of() : cut(post.text(), textStart, spans);
    return new HighlightedText(title, text);
  }

  private static List<Piece> cut(String text, int offset, List<Span> spans) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    for (Span span : spans) {
      int start = Math.max(0, span.start() - offset);
      int end = Math.min(text.length(), span.end() - offset);
      if (end <= start || start < at) {
        continue;
      }
      if (start > at) {
        pieces.add(new Piece(text.substring(at, start), false));
      }
      pieces.add(new Piece(text.substring(start, end), true));
      at = end;
    }
    if (at < text.length()) {
      pieces.add(new Piece(text.substring(at), false));
    }
    return pieces;
  }
}
