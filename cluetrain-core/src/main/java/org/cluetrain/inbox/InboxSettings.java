package org.cluetrain.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * A project's inbox: the rules that make posts items, the response target and the business hours it
 * is counted in, and the project's own channels.
 *
 * @param respondWithin the response target, in business hours
 * @param hours when the team works
 * @param ownChannels the project's own channels
 * @param rules the rules, in the order they are written
 * @param maxPostAge how old a post may be when it comes in and still become an item, or {@code
 *     null} for any age
 */
public record InboxSettings(
    Duration respondWithin,
    BusinessHours hours,
    OwnChannels ownChannels,
    List<InboxRule> rules,
    @Nullable Duration maxPostAge) {
  /** The response target when the workspace names none: four business hours. */
  public static final Duration DEFAULT_TARGET = Duration.ofHours(4);

  /**
   * How old a post may be when it comes in and still become an item, when the workspace does not
   * say: a month. Late-polled feeds and forum threads read days after they were written still get
   * their items; a backfill of last year's history (an export imported to see the trend) does not
   * bury the team in thousands of conversations that ended long ago.
   */
  public static final Duration DEFAULT_MAX_POST_AGE = Duration.ofDays(30);

  /** The business hours when the workspace names none: weekdays 9 to 5 in the given zone. */
  public static BusinessHours defaultHours(ZoneId zone) {
    return BusinessHours.parse("mon-fri 09:00-17:00", zone);
  }

  /** Settings with the default {@link #DEFAULT_MAX_POST_AGE}. */
  public InboxSettings(
      Duration respondWithin, BusinessHours hours, OwnChannels ownChannels, List<InboxRule> rules) {
    this(respondWithin, hours, ownChannels, rules, DEFAULT_MAX_POST_AGE);
  }

  public InboxSettings {
    Objects.requireNonNull(respondWithin, "respondWithin");
    if (maxPostAge != null && (maxPostAge.isNegative() || maxPostAge.isZero())) {
      throw new IllegalArgumentException("max_post_age must be positive, was " + maxPostAge);
    }
    Objects.requireNonNull(hours, "hours");
    ownChannels = ownChannels == null ? OwnChannels.NONE : ownChannels;
    rules = List.copyOf(rules == null ? List.of() : rules);
    if (respondWithin.isNegative() || respondWithin.isZero()) {
      throw new IllegalArgumentException("respond_within must be positive, was " + respondWithin);
    }
  }

  /** No rules, the default target and weekday business hours in the given zone. */
  public static InboxSettings defaults(ZoneId zone) {
    return new InboxSettings(DEFAULT_TARGET, defaultHours(zone), OwnChannels.NONE, List.of());
  }

  /**
   * Whether the rules look at a post at all: it matched one of its project's saved queries (its own
   * or a competitor's), or it was written on one of the project's own channels. A post stored for a
   * project but about something else (a personal archive imported whole, say) never becomes an
   * item, however much it looks like a question. Nor does a post one of the project's own accounts
   * wrote: the team does not answer itself.
   */
  public boolean isRelevant(StoredPost post) {
    if (ownChannels.writtenByUs(post.post())) {
      return false;
    }
    String project = post.post().project();
    if (project != null
        && post.matchedQueries().stream().anyMatch(id -> id.startsWith(project + "/"))) {
      return true;
    }
    return ownChannels.contains(post.post());
  }

  /**
   * Whether a post is recent enough, when it comes in at {@code now}, to become an item: older
   * posts are history (a backfill), kept for the mentions and charts but not a conversation to
   * answer. By hand, any post can still be made an item.
   */
  public boolean isCurrent(StoredPost post, Instant now) {
    return maxPostAge == null || !post.post().published().isBefore(now.minus(maxPostAge));
  }

  /**
   * What the rules make of a post: nothing when it is not relevant to the project ({@link
   * #isRelevant}) or no rule matches; otherwise the matching rules in order, the highest priority
   * among them, all their tags and the first assignee one of them names.
   */
  public Optional<Triage> triage(StoredPost post) {
    if (!isRelevant(post)) {
      return Optional.empty();
    }
    List<String> matched = new ArrayList<>();
    Priority priority = null;
    Set<String> tags = new LinkedHashSet<>();
    String assignee = null;
    for (InboxRule rule : rules) {
      if (!rule.matches(post, ownChannels)) {
        continue;
      }
      matched.add(rule.name());
      priority = priority == null ? rule.priority() : priority.max(rule.priority());
      tags.addAll(rule.tags());
      if (assignee == null) {
        assignee = rule.assignee();
      }
    }
    if (priority == null) { // no rule matched: every matching rule gives a priority
      return Optional.empty();
    }
    List<String> tagList = List.copyOf(tags);
    if (tagList.size() > InboxItem.MAX_TAGS) {
      tagList = tagList.subList(0, InboxItem.MAX_TAGS);
    }
    return Optional.of(new Triage(matched, priority, tagList, assignee));
  }

  /**
   * What the rules decided for a post.
   *
   * @param rules the names of the rules that matched, in order
   * @param priority the item's priority
   * @param tags the item's tags
   * @param assignee who it goes to, or {@code null}
   */
  public record Triage(
      List<String> rules, Priority priority, List<String> tags, @Nullable String assignee) {
    public Triage {
      rules = List.copyOf(rules);
      tags = List.copyOf(tags);
    }
  }
}
