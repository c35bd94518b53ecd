package org.cluetrain.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A post that needs the team's attention, with who handles it and how far it is. Items keep a few
 * facts of their post (author, summary, link) so that lists show them without reading the post
 * store.
 *
 * @param id the item's number, 0 before it is stored
 * @param project the project the post was collected for
 * @param postId the post
 * @param threadId the post's conversation
 * @param authorId the post's author, or {@code null} when unknown
 * @param authorName the author's display name, or {@code null}
 * @param summary the post's title or the start of its text
 * @param sourceName where the post was found
 * @param postUrl the post's address, or {@code null}
 * @param published when the post was written
 * @param status open, pending or done
 * @param priority how urgent it is
 * @param assignee who handles it (an account name), or {@code null}
 * @param tags labels for sorting the work, lower case
 * @param rule the rule that created it, or {@code null} when it was created by hand
 * @param created when it was created
 * @param updated when it last changed
 * @param responded when the first response was recorded, or {@code null}
 * @param clock the response-time clock
 */
public record InboxItem(
    long id,
    String project,
    String postId,
    String threadId,
    @Nullable String authorId,
    @Nullable String authorName,
    String summary,
    String sourceName,
    @Nullable String postUrl,
    Instant published,
    Status status,
    Priority priority,
    @Nullable String assignee,
    List<String> tags,
    @Nullable String rule,
    Instant created,
    Instant updated,
    @Nullable Instant responded,
    ResponseClock clock) {
  /** At most this many characters of a post's text are kept as its summary. */
  public static final int SUMMARY_LENGTH = 240;

  private static final Pattern TAG = Pattern.compile("[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}_-]{0,39}");

  /** At most this many tags on an item. */
  public static final int MAX_TAGS = 20;

  public InboxItem {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(postId, "post id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(clock, "clock");
    threadId = threadId == null ? postId : threadId;
    summary = summary == null ? "" : summary;
    updated = updated == null ? created : updated;
    tags = List.copyOf(tags == null ? List.of() : tags);
    tags.forEach(InboxItem::requireTag);
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(
          "an item has at most " + MAX_TAGS + " tags, was given " + tags.size());
    }
    if (assignee != null && assignee.isBlank()) {
      assignee = null;
    }
  }

  /** Checks a tag: lower-case letters and digits, then also {@code -} and {@code _}, up to 40. */
  public static String requireTag(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "tag '"
              + tag
              + "' must be lower-case letters or digits, then also '-' or '_' (at most 40)");
    }
    return tag;
  }

  /** The summary of a post's title and text: the title, else the text cut at a word. */
  public static String summarize(String title, String text) {
    String base = title != null && !title.isBlank() ? title.strip() : text == null ? "" : text;
    base = base.replaceAll("\\s+", " ").strip();
    if (base.length() <= SUMMARY_LENGTH) {
      return base;
    }
    int cut = base.lastIndexOf(' ', SUMMARY_LENGTH - 1);
    return base.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH - 1) + "…";
  }

  public InboxItem withId(long newId) {
    return new InboxItem(
        newId,
        project,
        postId,
        threadId,
        authorId,
        authorName,
        summary,
        sourceName,
        postUrl,
        published,
        status,
        priority,
        assignee,
        tags,
        rule,
        created,
        updated,
        responded,
        clock);
  }

  /** A copy with the work-state fields changed (the post's facts stay). */
  public InboxItem with(
      Status newStatus,
      Priority newPriority,
      @Nullable String newAssignee,
      List<String> newTags,
      Instant now,
      @Nullable Instant newResponded,
      ResponseClock newClock) {
    return new InboxItem(
        id,
        project,
        postId,
        threadId,
        authorId,
        authorName,
        summary,
        sourceName,
        postUrl,
        published,
        newStatus,
        newPriority,
        newAssignee,
        newTags,
        rule,
        created,
        now,
        newResponded,
        newClock);
  }
}
