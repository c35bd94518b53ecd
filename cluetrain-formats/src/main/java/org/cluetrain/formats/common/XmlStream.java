package org.cluetrain.formats.common;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small steps over a StAX reader that the streaming XML readers share. */
public final class XmlStream {
  private XmlStream() {}

  /**
   * Reads the children of the current element into a map from local name to text (the first
   * occurrence wins), handing child elements named in {@code nested} to the callback instead. The
   * reader ends on the element's end tag.
   *
   * @param key the map key of a child from its namespace URI and local name
   */
  public static Map<String, String> children(
      XMLStreamReader xml,
      java.util.function.BinaryOperator<String> key,
      java.util.Set<String> nested,
      NestedElement callback)
      throws XMLStreamException {
    Map<String, String> fields = new LinkedHashMap<>();
    int depth = 1;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if (nested.contains(
            key.apply(xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI(), name))) {
          callback.read(xml);
          continue;
        }
        Map<String, String> attributes = attributes(xml);
        String field = key.apply(xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI(), name);
        String text = elementText(xml);
        fields.putIfAbsent(field, text);
        attributes.forEach(
            (attribute, value) -> fields.putIfAbsent(field + "@" + attribute, value));
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (depth == 0) {
          return fields;
        }
      }
    }
    return fields;
  }

  /** The attributes of the current start element by local name. */
  public static Map<String, String> attributes(XMLStreamReader xml) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      attributes.putIfAbsent(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    return attributes;
  }

  /**
   * The text of the current element including that of its descendants; the reader ends on its end
   * tag. Unlike {@link XMLStreamReader#getElementText()} it tolerates child elements.
   */
  public static String elementText(XMLStreamReader xml) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (xml.hasNext()) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> {
          depth--;
          if (depth == 0) {
            return text.toString();
          }
        }
        default -> {
          // comments and processing instructions carry no text
        }
      }
    }
    return text.toString();
  }

  /** Skips the current element and its content; the reader ends on its end tag. */
  public static void skip(XMLStreamReader xml) throws XMLStreamException {
    elementText(xml);
  }

  /**
   * Skips stray ASCII characters before the first {@code <} (a backtick or quote left by the tool
   * that wrote the file); byte-order marks and everything after the first {@code <} are kept.
   */
  public static java.io.InputStream skipLeadingJunk(java.io.InputStream in)
      throws java.io.IOException {
    java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 16);
    byte[] start = pushback.readNBytes(16);
    int skip = 0;
    while (skip < start.length && start[skip] != '<' && start[skip] > 0 && start[skip] < 0x7f) {
      skip++;
    }
    if (skip == start.length || (skip > 0 && start[skip] != '<')) {
      skip = 0;
    }
    pushback.unread(start, skip, start.length - skip);
    return pushback;
  }

  /** Reads a nested element the caller handles itself. */
  @FunctionalInterface
  public interface NestedElement {
    void read(XMLStreamReader xml) throws XMLStreamException;
  }
}
