/**
 * Comment-system exports: Disqus XML ({@link org.cluetrain.formats.disqus.DisqusXmlReader},
 * streamed), Commento JSON ({@link org.cluetrain.formats.disqus.CommentoReader}) and Remark42 dumps
 * ({@link org.cluetrain.formats.disqus.Remark42Reader}). Every comment joins the thread of the page
 * it was written on, whose id is {@code url:} + the page address so that it meets the same page
 * read from a feed or a saved web page. Disqus's WXR-flavoured import files are WordPress exports
 * and are read by the wordpress package.
 *
 * <p>To add another comment system, map its comment, parent and page fields the same way.
 */
package org.cluetrain.formats.disqus;
