package org.cluetrain.store;

import java.util.List;

/**
 * What happened in a project within a period: who and where its mentions came from, the
 * conversations that grew most and the people who drove them.
 *
 * @param mentionAuthors distinct authors of posts that matched any of the queries asked about
 * @param mentionSources distinct sources of those posts
 * @param growingThreads threads by posts published in the period, most first; posts judged spam
 *     make no thread grow
 * @param activeAuthors authors by posts published in the period, most first; posts judged spam
 *     count for nobody
 * @param answeredAuthors authors by the answers their posts drew in the period (comments and
 *     replies by somebody else), most first: the people who trigger discussion
 */
public record ProjectActivity(
    long mentionAuthors,
    long mentionSources,
    List<ThreadGrowth> growingThreads,
    List<AuthorCount> activeAuthors,
    List<AuthorCount> answeredAuthors) {

  public ProjectActivity {
    growingThreads = List.copyOf(growingThreads);
    activeAuthors = List.copyOf(activeAuthors);
    answeredAuthors = List.copyOf(answeredAuthors);
  }

  /** A thread and how many of its posts were published in the period. */
  public record ThreadGrowth(ThreadSummary thread, long postsInPeriod) {}

  /** An author and a count: posts written or answers drawn. */
  public record AuthorCount(String authorId, String name, long count) {}
}
