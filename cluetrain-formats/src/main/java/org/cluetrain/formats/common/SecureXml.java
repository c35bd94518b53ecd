package org.cluetrain.formats.common;

import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML parsers that are safe on untrusted input: no external entities or DTDs are ever fetched (a
 * DOCTYPE is tolerated because old RSS 0.91 files declare Netscape's), and the JDK's entity
 * expansion limits stay on so that "billion laughs" documents are rejected.
 */
public final class SecureXml {
  /**
   * The deepest nesting of elements accepted. Real feeds nest a dozen levels; a document nested a
   * hundred thousand deep exists only to overflow the stack of whatever walks its tree.
   */
  public static final int MAX_ELEMENT_DEPTH = 1000;

  /** The JDK parsers' property for {@link #MAX_ELEMENT_DEPTH}. */
  public static final String MAX_ELEMENT_DEPTH_PROPERTY =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

  private static final XMLResolver NO_EXTERNAL_ENTITIES =
      (publicId, systemId, baseUri, namespace) -> new StringReader("");

  private SecureXml() {}

  /** A namespace-aware StAX factory that never resolves external entities or DTDs. */
  public static XMLInputFactory stax() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    factory.setXMLResolver(NO_EXTERNAL_ENTITIES);
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit", "2000");
    trySet(factory, MAX_ELEMENT_DEPTH_PROPERTY, Integer.toString(MAX_ELEMENT_DEPTH));
    return factory;
  }

  /** Opens a StAX reader over a stream with the secure factory. */
  public static XMLStreamReader open(InputStream in) throws XMLStreamException {
    return stax().createXMLStreamReader(in);
  }

  private static void trySet(XMLInputFactory factory, String property, Object value) {
    try {
      factory.setProperty(property, value);
    } catch (IllegalArgumentException unsupported) {
      // another StAX implementation: its defaults apply
    }
  }

  /**
   * A message for an XML parse failure that names entity-expansion attacks for what they are.
   *
   * @param failure the parser's exception
   */
  public static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("entity expansion")
        || lower.contains("entityexpansion")
        || lower.contains("jaxp00010001")
        || lower.contains("jaxp00010002")
        || lower.contains("jaxp00010003")
        || lower.contains("jaxp00010004")) {
      return "rejected: too many entity expansions (an entity-expansion or \"billion laughs\""
          + " document): "
          + firstLine(message);
    }
    if (lower.contains("maxelementdepth") || lower.contains("jaxp00010006")) {
      return String.format(
          Locale.ROOT,
          "rejected: elements nested deeper than %,d levels (the limit for XML inputs)",
          MAX_ELEMENT_DEPTH);
    }
    return "not well-formed XML: " + firstLine(message);
  }

  private static String firstLine(String message) {
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline);
  }
}
