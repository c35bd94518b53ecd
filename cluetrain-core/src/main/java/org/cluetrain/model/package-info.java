/**
 * The model: a {@link org.cluetrain.model.SourceRef source} holds conversations (threads); a thread
 * is a tree of {@link org.cluetrain.model.Post posts} linked by parent ids; posts have an {@link
 * org.cluetrain.model.Author author}, {@link org.cluetrain.model.Engagement engagement} and, after
 * enrichment, a language, a fingerprint and classifier {@link org.cluetrain.model.Label labels}.
 * All values are immutable records that validate on construction.
 */
package org.cluetrain.model;
