package org.cluetrain.formats.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Clean text and links from HTML fragments: block elements and {@code <br>} become line breaks,
 * runs of spaces collapse, so that paragraphs survive as lines for the enrichment stages.
 */
public final class HtmlText {
  private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u200b]+");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "li",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer",
          "dd",
          "dt",
          "dl",
          "hr",
          "figure",
          "figcaption",
          "aside",
          "main",
          "nav",
          "form",
          "address",
          "details",
          "summary");

  private HtmlText() {}

  /** Whether the string looks like it contains markup or entities worth parsing. */
  public static boolean looksLikeHtml(String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** Clean text of an HTML fragment. */
  public static String text(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return text(Jsoup.parseBodyFragment(html).body());
  }

  /** Clean text of an element: paragraphs as lines, whitespace normalised. */
  public static String text(Element element) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
              out.append(textNode.getWholeText());
            } else if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el && BLOCKS.contains(el.normalName())) {
              out.append('\n');
            }
          }
        },
        element);
    return normalise(out.toString());
  }

  /** Collapses spaces within lines and blank lines between them; strips the ends. */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (String line : LINE_BREAK.split(text.replace('\u00a0', ' '))) {
      String clean = SPACES.matcher(line).replaceAll(" ").strip();
      if (!clean.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(clean);
      }
    }
    return out.toString();
  }

  /** Absolute http(s) links of an HTML fragment, resolved against {@code base} when relative. */
  public static List<String> links(String html, String base) {
    if (html == null || html.isBlank() || !html.contains("<")) {
      return List.of();
    }
    Element body = Jsoup.parseBodyFragment(html, base == null ? "" : base).body();
    return links(body);
  }

  /** Absolute http(s) links below an element (its base URI resolves relative ones). */
  public static List<String> links(Element element) {
    Set<String> links = new LinkedHashSet<>();
    for (Element a : element.select("a[href]")) {
      String href = a.absUrl("href");
      if (href.isEmpty()) {
        href = a.attr("href");
      }
      if (href.startsWith("http://") || href.startsWith("https://")) {
        links.add(href);
      }
    }
    return new ArrayList<>(links);
  }
}
