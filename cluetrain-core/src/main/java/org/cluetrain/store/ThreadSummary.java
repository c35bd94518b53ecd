package org.cluetrain.store;

import java.time.Instant;

/**
 * A conversation at a glance.
 *
 * @param threadId the id of its opening post
 * @param project the project it was collected for
 * @param sourceId where it happens
 * @param title the opening post's title (or the start of its text)
 * @param posts posts stored for it
 * @param first when its earliest stored post was published
 * @param last when its latest stored post was published
 */
public record ThreadSummary(
    String threadId,
    String project,
    String sourceId,
    String title,
    long posts,
    Instant first,
    Instant last) {}
