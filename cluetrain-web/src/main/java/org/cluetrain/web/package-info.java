/**
 * The HTTP side of Cluetrain: {@link org.cluetrain.web.ApiServer} serves the JSON API over the
 * embedded runtime. Routes read from the store and ledger only; writes come through the pipeline.
 * To add an endpoint, add a route in {@code ApiServer.routes()} and a line in {@code IndexPage}.
 */
package org.cluetrain.web;
