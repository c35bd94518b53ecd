/**
 * Posts pushed to Cluetrain over HTTP by a user's own collectors and webhooks ({@link
 * org.cluetrain.formats.push.PushedPostsReader}): a small, documented JSON schema, one object per
 * post, sent as a JSON array or as newline-delimited JSON.
 */
package org.cluetrain.formats.push;
