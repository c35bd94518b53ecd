/**
 * Where Cluetrain may connect to on its own: the {@link org.cluetrain.connectors.net.AddressPolicy}
 * that keeps feeds, subscriptions from OPML files and webhooks away from the machine's own services
 * and the local network unless an admin allows them.
 */
package org.cluetrain.connectors.net;
