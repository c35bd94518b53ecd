/**
 * Privacy: answering a person's subject requests (what is held about them, GDPR Art. 15; erasing
 * it, Art. 17), keeping erased authors out, and author pseudonyms.
 *
 * <ul>
 *   <li>{@link org.cluetrain.privacy.Subject}: who a request is about, and which authors and texts
 *       name them;
 *   <li>{@link org.cluetrain.privacy.KeyedHash}: HMAC-SHA256 under the installation's secret, for
 *       the suppression list and for pseudonyms;
 *   <li>{@link org.cluetrain.privacy.SuppressionList}: the port that keeps erased authors' keyed
 *       hashes, and {@link org.cluetrain.privacy.AuthorSuppression}, which ingest consults;
 *   <li>{@link org.cluetrain.privacy.PrivacyEvents}: the one place an erasure, an export or a
 *       pseudonym reveal is reported, for the audit log to hook.
 * </ul>
 */
package org.cluetrain.privacy;
