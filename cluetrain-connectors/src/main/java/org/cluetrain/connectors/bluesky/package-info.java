/**
 * Bluesky, live: the public AppView's post search ({@code app.bsky.feed.searchPosts}) and an
 * account's posts ({@code app.bsky.feed.getAuthorFeed}), paged newest first back to the cursor,
 * with reply threads completed through {@code app.bsky.feed.getPostThread}. {@link
 * org.cluetrain.connectors.bluesky.BlueskyPosts} maps AT-URIs to stable post ids and to bsky.app
 * links.
 */
package org.cluetrain.connectors.bluesky;
