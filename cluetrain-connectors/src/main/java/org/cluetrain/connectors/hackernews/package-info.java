/**
 * Hacker News, live: a search of stories and comments through the Algolia API ({@code
 * search_by_date}, newest first, paged until the cursor's time), or the newest stories through the
 * official Firebase API ({@code newstories}, then each item), whose comment trees ({@code kids})
 * are followed for a day so that the conversation under a story arrives as it is written.
 */
package org.cluetrain.connectors.hackernews;
