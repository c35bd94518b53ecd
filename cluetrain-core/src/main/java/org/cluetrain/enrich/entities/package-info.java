/**
 * Links, mentions and hashtags found in a post's text, merged with those its source gave. They
 * become the post's edges and the targets of {@code #hashtag} and {@code @mention} queries.
 */
package org.cluetrain.enrich.entities;
