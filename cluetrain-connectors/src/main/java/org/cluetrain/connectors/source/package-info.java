/**
 * What every live connector shares: {@link org.cluetrain.connectors.source.ApiClient}, the polite
 * HTTP client of JSON APIs (one request at a time per host with a pause between, {@code
 * Retry-After} and {@code X-RateLimit-*} honoured, time-outs, bounded bodies, addresses checked by
 * the workspace's {@link org.cluetrain.connectors.net.AddressPolicy}), and {@link
 * org.cluetrain.connectors.source.SourceRunner}, which polls {@link org.cluetrain.ingest.Source}s
 * on their schedule, keeps their cursors and health and records every gap in the {@link
 * org.cluetrain.ingest.GapLedger}. The connectors themselves are siblings of this package: {@code
 * feed}, {@code mastodon}, {@code reddit}, {@code hackernews}.
 */
package org.cluetrain.connectors.source;
