/**
 * Mastodon and ActivityPub ({@link org.cluetrain.formats.mastodon.MastodonReader}): REST statuses
 * and timelines, and ActivityPub notes, {@code Create} activities and collections of them. HTML
 * content becomes clean text with the HTML kept; mentions and hashtags come from the status's own
 * lists, links from the content without Mastodon's mention and hashtag anchors.
 *
 * <p>To read another fediverse object type as a post, add it to the reader's post types; types that
 * are not posts are reported, never fatal.
 */
package org.cluetrain.formats.mastodon;
