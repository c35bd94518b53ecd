package org.cluetrain.store;

/**
 * An author at a glance.
 *
 * @param authorId the author's id
 * @param name display name
 * @param posts posts stored from them
 * @param repliesReceived stored posts that answer one of theirs: the discussion they trigger
 */
public record AuthorSummary(String authorId, String name, long posts, long repliesReceived) {}
