/**
 * Live feed polling: fetches declared RSS/Atom feeds over HTTP, reads them with the formats module,
 * and reports posts and per-source health.
 *
 * <h2>Using it</h2>
 *
 * <p>Declare each feed as a {@link org.cluetrain.connectors.feed.FeedSubscription} (source id,
 * project, URL, poll interval), build a {@link org.cluetrain.connectors.feed.FeedPoller} with a
 * {@link org.cluetrain.connectors.feed.FeedListener}, and either call {@link
 * org.cluetrain.connectors.feed.FeedPoller#pollDue()} yourself or {@link
 * org.cluetrain.connectors.feed.FeedPoller#start()} it. Persist {@link
 * org.cluetrain.connectors.feed.FeedPoller#states()} and pass them back on restart.
 *
 * <h2>How it treats hosts</h2>
 *
 * <ul>
 *   <li><b>Conditional GET.</b> The feed's {@code ETag} and {@code Last-Modified} are sent back as
 *       {@code If-None-Match} and {@code If-Modified-Since}; {@code 304 Not Modified} is a success
 *       with nothing new.
 *   <li><b>Politeness.</b> One request at a time per host, a pause between requests to the same
 *       host (2 s by default), a {@code User-Agent} naming Cluetrain. Different hosts are fetched
 *       in parallel.
 *   <li><b>Limits.</b> Connect and whole-request time-outs; bodies beyond a size limit (20 MB by
 *       default, also after gzip decompression) are refused with a clear error.
 *   <li><b>Back-off.</b> After a failure the next attempt waits the poll interval doubled per
 *       failure in a row, capped (6 h by default), less a little random jitter. A {@code 429} or
 *       {@code 503} with {@code Retry-After} is honoured and recorded as a gap.
 *   <li><b>Redirects</b> are followed (up to five, never from https to http); permanent ones are
 *       recorded in the health's gaps so the declaration can be updated.
 *   <li><b>Addresses.</b> Before connecting to a feed and to each redirect's target, the host's
 *       addresses are checked against an {@link org.cluetrain.connectors.net.AddressPolicy}: by
 *       default loopback, link-local, private, multicast and unspecified addresses are refused, so
 *       that a feed cannot make the server fetch its own or the local network's services.
 * </ul>
 *
 * <h2>Failure isolation</h2>
 *
 * <p>A feed that fails, times out, serves garbage or crashes the reader affects only its own
 * health: every attempt ends with a {@link org.cluetrain.ingest.SourceHealth} whose state says
 * whether the host was unreachable or answered badly, and whose message names the URL and the
 * cause. Items the reader could not read are counted, not fatal. A listener that throws is logged
 * and recorded, and the items are fetched again next time instead of being lost.
 *
 * <h2>Adding another connector</h2>
 *
 * <p>Live sources with their own APIs (Mastodon, Reddit, …) get a package beside this one. Reuse
 * the pattern rather than the classes: a validated subscription record, a poller driven by an
 * injected {@link java.time.Clock} with a {@code pollDue()} for tests, a listener receiving posts
 * and {@link org.cluetrain.ingest.SourceHealth}, and a persisted state record holding the API's
 * cursor (where this package keeps HTTP validators). API responses are parsed by a reader in the
 * formats module, so that exports and live polling of one platform share one parser.
 */
package org.cluetrain.connectors.feed;
