/**
 * Reddit, live: a subreddit's new submissions or a search, paged with {@code before} from the
 * cursor, with comment trees completed by {@code morechildren}, over the OAuth API with an app-only
 * token (client credentials) renewed on {@code 401}. Listings and comments are mapped by the
 * formats module's {@link org.cluetrain.formats.reddit.RedditListingReader}, as an imported API
 * response is.
 */
package org.cluetrain.connectors.reddit;
