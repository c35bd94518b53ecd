package org.cluetrain.store;

import java.time.Instant;

/**
 * Matched posts of one saved query in one hour, split by language and source: the grain that volume
 * charts and spike detection read.
 */
public record HourlyCount(String queryId, Instant hour, String lang, String sourceId, long posts) {}
