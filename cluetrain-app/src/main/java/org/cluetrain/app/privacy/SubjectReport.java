package org.cluetrain.app.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.model.Author;
import org.cluetrain.store.StoredPost;

/**
 * Everything Cluetrain holds about one person, per store: what a subject request finds and what its
 * export (GDPR Art. 15) contains.
 *
 * @param subject what the requester gave to name the person
 * @param generatedAt when the stores were searched
 * @param authors the person's authors (one per platform account)
 * @param pseudonyms the pseudonyms their posts are stored under, in projects that store pseudonyms
 * @param identifiers the strings that identify them: handles, names, profile addresses
 * @param posts their posts in the searchable store, with what they matched
 * @param ledgerPosts ids of their posts in the ledger
 * @param threadsStarted ids of the conversations one of their posts opened
 * @param mentionedIn other people's posts that name them (quotes, replies, copies)
 * @param inboxItems inbox items about their posts
 * @param inboxNotes inbox log entries (notes, responses) that name them
 * @param savedReplies saved replies that name them
 * @param alerts alerts whose explanations quote them
 * @param relevanceLabels how many analysts' relevance verdicts are about their posts
 * @param uploads files waiting in the data directory's {@code uploads/} that name them
 * @param suppressed whether they are on the suppression list already
 */
public record SubjectReport(
    String subject,
    Instant generatedAt,
    List<Author> authors,
    List<String> pseudonyms,
    List<String> identifiers,
    List<StoredPost> posts,
    List<String> ledgerPosts,
    List<String> threadsStarted,
    List<StoredPost> mentionedIn,
    List<InboxItem> inboxItems,
    List<InboxEvent> inboxNotes,
    List<SavedReply> savedReplies,
    List<AlertStore.StoredAlert> alerts,
    int relevanceLabels,
    List<String> uploads,
    boolean suppressed) {

  public SubjectReport {
    authors = List.copyOf(authors);
    pseudonyms = List.copyOf(pseudonyms);
    identifiers = List.copyOf(identifiers);
    posts = List.copyOf(posts);
    ledgerPosts = List.copyOf(ledgerPosts);
    threadsStarted = List.copyOf(threadsStarted);
    mentionedIn = List.copyOf(mentionedIn);
    inboxItems = List.copyOf(inboxItems);
    inboxNotes = List.copyOf(inboxNotes);
    savedReplies = List.copyOf(savedReplies);
    alerts = List.copyOf(alerts);
    uploads = List.copyOf(uploads);
  }

  /** How many records each store holds about them, in the order the export lists them. */
  public Map<String, Integer> found() {
    Map<String, Integer> found = new LinkedHashMap<>();
    found.put("posts", posts.size());
    found.put("pseudonyms", pseudonyms.size());
    found.put("ledger_posts", ledgerPosts.size());
    found.put("threads_started", threadsStarted.size());
    found.put("mentioned_in", mentionedIn.size());
    found.put("inbox_items", inboxItems.size());
    found.put("inbox_notes", inboxNotes.size());
    found.put("saved_replies", savedReplies.size());
    found.put("alerts", alerts.size());
    found.put("relevance_labels", relevanceLabels);
    found.put("uploads", uploads.size());
    return found;
  }

  /**
   * Who they are and how many records each store holds, without the contents: what finding a person
   * answers before anything is exported or erased.
   */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("subject", subject);
    summary.put("authors", authors);
    summary.put("found", found());
    summary.put("suppressed", suppressed);
    return summary;
  }

  /** Whether any store holds anything about them. */
  public boolean isEmpty() {
    return found().values().stream().allMatch(n -> n == 0);
  }
}
