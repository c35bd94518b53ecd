/**
 * Web feeds: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 ({@link
 * org.cluetrain.formats.feed.SyndicationFeedReader}, with ROME) and OPML subscription lists ({@link
 * org.cluetrain.formats.feed.OpmlReader}).
 *
 * <p>Post ids are {@code url:} + the entry's permalink, else the source id + {@code #} + the
 * entry's guid, else a content hash. The source is {@code feed:} + the address the feed was fetched
 * from, else its site link, self link or title.
 *
 * <p>To understand another feed extension, read its elements from the entry's foreign markup in
 * {@code SyndicationFeedReader} (that is how {@code thr:}, {@code slash:} and {@code wfw:} are
 * read) rather than adding a ROME module.
 */
package org.cluetrain.formats.feed;
