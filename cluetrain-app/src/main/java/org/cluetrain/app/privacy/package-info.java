/**
 * Subject requests: finding, exporting and erasing what Cluetrain holds about one person across
 * every store ({@link org.cluetrain.app.privacy.SubjectRequests}).
 */
package org.cluetrain.app.privacy;
