/**
 * The audit log: who signed in, changed users, issued tokens, exported, erased or changed the
 * configuration, when, and from where. Append-only, readable by admins.
 */
package org.cluetrain.audit;
