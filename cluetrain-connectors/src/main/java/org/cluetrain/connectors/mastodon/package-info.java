/**
 * Mastodon, live: public, local, hashtag and list timelines and status search over the REST API,
 * paged with {@code since_id}/{@code max_id} and the {@code Link} header, the streaming API
 * (server-sent events) for posts as they are written, and reply trees through {@code
 * /api/v1/statuses/:id/context}. Statuses are mapped by the formats module's {@link
 * org.cluetrain.formats.mastodon.MastodonReader}, as an exported timeline is; replies are then
 * linked to their parents by the instance's status ids, so threads form.
 */
package org.cluetrain.connectors.mastodon;
