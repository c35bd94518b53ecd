/**
 * The engagement inbox: posts that need an answer become {@link org.cluetrain.inbox.InboxItem
 * items}, by rule or by hand, and the team works them from open to done.
 *
 * <ul>
 *   <li>{@link org.cluetrain.inbox.InboxSettings} holds a project's {@link
 *       org.cluetrain.inbox.InboxRule rules}, its response target and {@link
 *       org.cluetrain.inbox.BusinessHours business hours}; {@code triage} tells what the rules make
 *       of a stored post. Conditions read what the pipeline already decided (matched queries,
 *       sentiment, language, relevance) plus {@link org.cluetrain.inbox.QuestionDetector questions}
 *       and {@link org.cluetrain.inbox.OwnChannels own channels}.
 *   <li>{@link org.cluetrain.inbox.ResponseClock} counts business time against the target: it runs
 *       while an item is open and unanswered, pauses while it is pending, stops at the first
 *       response.
 *   <li>{@link org.cluetrain.inbox.InboxStore} is the port to where items, their {@link
 *       org.cluetrain.inbox.InboxEvent log} and {@link org.cluetrain.inbox.SavedReply saved
 *       replies} are kept; at most one item per project and post.
 * </ul>
 *
 * <p>To add a rule condition: add a component to {@code InboxRule}, check it in {@code matches},
 * read it in the workspace reader and document it in {@code docs/configuration.md}.
 */
package org.cluetrain.inbox;
