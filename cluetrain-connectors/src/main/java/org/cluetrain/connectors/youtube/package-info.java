/**
 * YouTube comments, live: the Data API v3's {@code commentThreads} of a video or of a channel's
 * videos, newest first until the threads read last time, each thread's replies with it ({@code
 * comments?parentId=} when the thread has more than the five the answer carries). A spent quota is
 * a rate-limited gap until the quota starts again.
 */
package org.cluetrain.connectors.youtube;
