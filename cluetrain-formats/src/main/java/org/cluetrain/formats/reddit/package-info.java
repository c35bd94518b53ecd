/**
 * Reddit API JSON ({@link org.cluetrain.formats.reddit.RedditListingReader}): listings, comment
 * trees and {@code morechildren} responses into submissions, comments and replies with their Reddit
 * fullnames as ids. To read another Reddit response shape, teach the reader's {@code collect} step
 * where its things are.
 */
package org.cluetrain.formats.reddit;
