package org.cluetrain.store;

import java.util.Map;

/**
 * What has been collected, counted several ways.
 *
 * @param posts posts in all
 * @param byProject posts per project
 * @param bySource posts per source id
 * @param byLanguage posts per language code
 * @param byKind posts per kind label
 * @param byQuery matched posts per saved query id
 * @param duplicates posts recognised as copies of an earlier post
 */
public record ListeningStats(
    long posts,
    Map<String, Long> byProject,
    Map<String, Long> bySource,
    Map<String, Long> byLanguage,
    Map<String, Long> byKind,
    Map<String, Long> byQuery,
    long duplicates) {}
