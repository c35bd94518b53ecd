/**
 * Near-duplicate detection: a 64-bit SimHash per post and a bounded in-memory index of recent
 * fingerprints, so copies (the same comment posted twice, a syndicated article) point at the first
 * post of their kind. Unique voices versus echo are counted from this link.
 */
package org.cluetrain.enrich.duplicate;
