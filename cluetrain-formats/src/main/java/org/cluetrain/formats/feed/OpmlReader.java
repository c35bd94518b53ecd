package org.cluetrain.formats.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.InputBytes;
import org.cluetrain.formats.common.SecureXml;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;

/**
 * OPML subscription lists: every {@code outline} with an {@code xmlUrl} becomes a {@link
 * ReadItem.FeedSubscription} whose category is the path of the folders (outlines without {@code
 * xmlUrl}) it sits in, e.g. {@code News/Germany}. Outlines without {@code xmlUrl} are folders or
 * notes and yield nothing.
 */
public final class OpmlReader implements FormatReader {
  private static final Pattern ROOT =
      Pattern.compile("(?s)^" + InputBytes.XML_PROLOG + "<opml\\b.*");

  @Override
  public String format() {
    return "opml";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    return ROOT.matcher(head).matches();
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    Deque<String> folders = new ArrayDeque<>();
    Deque<Boolean> isFolder = new ArrayDeque<>();
    boolean sawOpml = false;
    int outline = 0;
    int subscriptions = 0;
    try (InputStream in = input.open()) {
      XMLStreamReader xml = SecureXml.open(in);
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if ("opml".equals(name)) {
            sawOpml = true;
          } else if ("outline".equals(name)) {
            outline++;
            String title = attribute(xml, "title");
            if (title == null) {
              title = attribute(xml, "text");
            }
            String feedUrl = attribute(xml, "xmlUrl");
            if (feedUrl == null) {
              feedUrl = attribute(xml, "xmlurl");
            }
            if (feedUrl != null) {
              String category =
                  folders.isEmpty() ? attribute(xml, "category") : folderPath(folders);
              ReadItem item;
              try {
                item =
                    new ReadItem.FeedSubscription(
                        title == null ? feedUrl : HtmlText.normalise(title),
                        feedUrl,
                        attribute(xml, "htmlUrl"),
                        category);
              } catch (RuntimeException e) {
                item =
                    new ReadItem.UnreadableItem(input.name(), "outline " + outline, e.getMessage());
              }
              sink.accept(item);
              subscriptions++;
              isFolder.push(false);
            } else {
              folders.push(title == null ? "" : HtmlText.normalise(title));
              isFolder.push(true);
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && "outline".equals(xml.getLocalName())) {
          if (!isFolder.isEmpty() && isFolder.pop()) {
            folders.pop();
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new UnusableInputException(input.name(), SecureXml.describe(e), e);
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
    if (!sawOpml) {
      throw new UnusableInputException(input.name(), "not an OPML document (no <opml> element)");
    }
    if (subscriptions == 0) {
      throw new UnusableInputException(
          input.name(), "an OPML file without feed subscriptions (no outline has an xmlUrl)");
    }
  }

  private static String folderPath(Deque<String> folders) {
    StringBuilder path = new StringBuilder();
    for (var it = folders.descendingIterator(); it.hasNext(); ) {
      String folder = it.next();
      if (!folder.isEmpty()) {
        path.append(path.length() == 0 ? "" : "/").append(folder);
      }
    }
    return path.length() == 0 ? null : path.toString();
  }

  private static String attribute(XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
