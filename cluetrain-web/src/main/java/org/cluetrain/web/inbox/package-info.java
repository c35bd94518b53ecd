/**
 * The inbox's pages and JSON API: {@link org.cluetrain.web.inbox.InboxPages#register} adds every
 * route, reads for viewers and changes for analysts and admins. Templates are in {@code
 * src/main/jte/inbox/}, words in {@code i18n/inbox_*.properties}.
 */
package org.cluetrain.web.inbox;
