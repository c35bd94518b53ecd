/**
 * Mentions: the matched posts of a project and the filters that narrow them. {@link
 * org.cluetrain.app.mentions.MentionFilter} holds the rules the Mentions page, the exports and the
 * command line share, so that each of them finds the same posts for the same filter.
 */
package org.cluetrain.app.mentions;
