/**
 * Forum threads by their address: {@link org.cluetrain.connectors.forum.ForumSource} recognises the
 * engine from the page ({@link org.cluetrain.connectors.forum.ForumEngine}: Discourse, phpBB,
 * XenForo, vBulletin, a WordPress post's comments), reads every page of the thread politely, keeps
 * the reply structure and the quotes, and follows the thread as it grows; a board's address lists
 * the threads to follow. To read another engine, recognise it in {@code ForumEngine}, read its
 * pages in {@code HtmlThreads} (or through its API, as Discourse is) and add a fixture page of its
 * real markup to the tests.
 */
package org.cluetrain.connectors.forum;
