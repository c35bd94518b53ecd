/**
 * WordPress eXtended RSS exports ({@link org.cluetrain.formats.wordpress.WxrReader}): posts and
 * pages with their comments, pingbacks and trackbacks as one thread each, streamed with StAX.
 *
 * <p>To read another field of an item or comment, take it from the field map the reader builds per
 * element (keys are local names; {@code excerpt:} and {@code dc:} mark the namespaces that clash).
 */
package org.cluetrain.formats.wordpress;
