package org.cluetrain.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * The authors whose mentions of the brand set off discussion in a period, ranked by the people who
 * reacted, not by how much they post: someone who writes once and draws forty people into a thread
 * is a multiplier, someone who posts forty times to nobody is not.
 *
 * <p>A reaction is a post by somebody else in the period that answers one of the author's mentions,
 * grows a thread the author opened, names the author's handle, links to one of the author's posts,
 * or copies one (syndication, retweets without comment). Spam neither counts as a mention nor as a
 * reaction, and authors whose posts in the period are mostly spam are left out.
 *
 * @param ranked the multipliers, most voices first, at most {@link OverviewReport#TOP}
 * @param postsRead posts of the period that were read
 * @param complete false when the period held more than {@link #READ} posts and only the newest were
 *     read
 */
public record Multipliers(List<Multiplier> ranked, long postsRead, boolean complete) {

  /** The most posts read for one period. */
  public static final int READ = 50_000;

  /**
   * One author's reach in the period.
   *
   * @param mentions their own posts in the period that matched one of the brand's queries
   * @param voices distinct other people who reacted (a post without an author is one voice)
   * @param replies posts answering one of their mentions
   * @param threadGrowth further posts in threads their mentions opened (replies deeper down)
   * @param namedOrLinked posts naming their handle or linking to one of their mentions
   * @param copies near-copies of their mentions (syndication, retweets)
   * @param sources distinct sources their mentions and the reactions to them appeared on
   */
  public record Multiplier(
      String authorId,
      String name,
      long mentions,
      long voices,
      long replies,
      long threadGrowth,
      long namedOrLinked,
      long copies,
      long sources) {

    /** Every reaction, each post counted once. */
    public long reactions() {
      return replies + threadGrowth + namedOrLinked + copies;
    }
  }

  /** Reads the posts of a period one at a time and ranks their authors at the end. */
  static final class Tally {
    private final Set<String> brand;
    private final List<Seen> posts = new ArrayList<>();

    Tally(List<String> brandQueryIds) {
      this.brand = Set.copyOf(brandQueryIds);
    }

    void accept(StoredPost stored) {
      Post post = stored.post();
      boolean mention = stored.matchedQueries().stream().anyMatch(brand::contains);
      posts.add(Seen.of(post, mention));
    }

    /**
     * The distinct people behind the mentions read: copies and spam left out, a post without an
     * author one voice.
     */
    long voices() {
      Set<String> voices = new HashSet<>();
      for (Seen seen : posts) {
        if (seen.mention && !seen.spam && seen.duplicateOf == null) {
          voices.add(seen.authorId != null ? seen.authorId : "post:" + seen.id);
        }
      }
      return voices.size();
    }

    Multipliers result(boolean complete) {
      Map<String, Seen> mentionsById = new HashMap<>();
      Map<String, String> authorByUrl = new HashMap<>();
      Map<String, String> authorByHandle = new HashMap<>();
      Map<String, Counts> counts = new HashMap<>();
      Map<String, int[]> spamAndAll = new HashMap<>();
      for (Seen seen : posts) {
        if (seen.authorId != null) {
          int[] tally = spamAndAll.computeIfAbsent(seen.authorId, a -> new int[2]);
          tally[0] += seen.spam ? 1 : 0;
          tally[1]++;
        }
        String authorId = seen.authorId;
        if (seen.isMention() && authorId != null) {
          mentionsById.put(seen.id, seen);
          Counts author = counts.computeIfAbsent(authorId, a -> new Counts(seen.authorName));
          author.mentions++;
          author.sources.add(seen.sourceId);
          if (seen.url != null) {
            authorByUrl.put(seen.url, authorId);
          }
          if (seen.handle != null) {
            authorByHandle.put(seen.handle, authorId);
          }
        }
      }
      for (Seen seen : posts) {
        if (seen.spam) {
          continue;
        }
        String voice = seen.authorId != null ? seen.authorId : "post:" + seen.id;
        Map<String, Kind> reactedTo = new HashMap<>();
        String parent = seen.parentId == null ? null : authorOf(mentionsById, seen.parentId);
        if (parent != null) {
          reactedTo.putIfAbsent(parent, Kind.REPLY);
        }
        String opener =
            seen.id.equals(seen.threadId) ? null : authorOf(mentionsById, seen.threadId);
        if (opener != null) {
          reactedTo.putIfAbsent(opener, Kind.THREAD);
        }
        String original =
            seen.duplicateOf == null ? null : authorOf(mentionsById, seen.duplicateOf);
        if (original != null) {
          reactedTo.putIfAbsent(original, Kind.COPY);
        }
        for (String handle : seen.mentionedHandles) {
          String named = authorByHandle.get(handle);
          if (named != null) {
            reactedTo.putIfAbsent(named, Kind.NAMED);
          }
        }
        for (String link : seen.links) {
          String linked = authorByUrl.get(link);
          if (linked != null) {
            reactedTo.putIfAbsent(linked, Kind.NAMED);
          }
        }
        reactedTo.forEach(
            (authorId, kind) -> {
              if (authorId.equals(voice)) {
                return; // talking to oneself draws nobody in
              }
              Counts author = counts.get(authorId);
              if (author != null) {
                author.count(kind);
                author.voices.add(voice);
                author.sources.add(seen.sourceId);
              }
            });
      }
      List<Multiplier> ranked = new ArrayList<>();
      counts.forEach(
          (authorId, c) -> {
            int[] spam = spamAndAll.getOrDefault(authorId, new int[2]);
            if (c.voices.isEmpty() || 2 * spam[0] >= spam[1]) {
              return;
            }
            ranked.add(
                new Multiplier(
                    authorId,
                    c.name,
                    c.mentions,
                    c.voices.size(),
                    c.replies,
                    c.threadGrowth,
                    c.namedOrLinked,
                    c.copies,
                    c.sources.size()));
          });
      ranked.sort(
          Comparator.comparingLong(Multiplier::voices)
              .thenComparingLong(Multiplier::reactions)
              .reversed()
              .thenComparingLong(Multiplier::mentions)
              .thenComparing(Multiplier::authorId));
      return new Multipliers(
          List.copyOf(ranked.subList(0, Math.min(OverviewReport.TOP, ranked.size()))),
          posts.size(),
          complete);
    }
  }

  private static @Nullable String authorOf(Map<String, Seen> mentionsById, String postId) {
    Seen mention = mentionsById.get(postId);
    return mention == null ? null : mention.authorId;
  }

  private enum Kind {
    REPLY,
    THREAD,
    NAMED,
    COPY
  }

  private static final class Counts {
    final String name;
    final Set<String> voices = new HashSet<>();
    final Set<String> sources = new HashSet<>();
    long mentions;
    long replies;
    long threadGrowth;
    long namedOrLinked;
    long copies;

    Counts(String name) {
      this.name = name;
    }

    void count(Kind kind) {
      switch (kind) {
        case REPLY -> replies++;
        case THREAD -> threadGrowth++;
        case NAMED -> namedOrLinked++;
        case COPY -> copies++;
      }
    }
  }

  /** What the ranking needs of a post: no text, so that a long period fits in memory. */
  private record Seen(
      String id,
      String threadId,
      @Nullable String parentId,
      @Nullable String duplicateOf,
      @Nullable String authorId,
      String authorName,
      @Nullable String handle,
      @Nullable String url,
      List<String> mentionedHandles,
      List<String> links,
      String sourceId,
      boolean spam,
      boolean mention) {

    static Seen of(Post post, boolean mention) {
      String handle =
          post.author() == null || post.author().handle() == null
              ? null
              : post.author().handle().toLowerCase(Locale.ROOT);
      return new Seen(
          post.id(),
          post.threadId(),
          post.parentId(),
          post.duplicateOf(),
          post.author() == null ? null : post.author().id(),
          post.author() == null ? "" : post.author().name(),
          handle,
          post.url(),
          post.mentions(),
          post.links(),
          post.source().id(),
          Topics.isSpam(post),
          mention);
    }

    /** An original, non-spam mention of the brand by a known author. */
    boolean isMention() {
      return mention && !spam && authorId != null && duplicateOf == null;
    }
  }
}
