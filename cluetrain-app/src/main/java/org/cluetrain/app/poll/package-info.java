/**
 * Live polling in the embedded runtime: the workspace's feeds and OPML subscriptions go to the feed
 * poller; what it fetches goes through the pipeline, and each feed's health and HTTP validators go
 * to the ledger, so a restart continues where the last run stopped.
 */
package org.cluetrain.app.poll;
