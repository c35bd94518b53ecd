package org.cluetrain.app.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.privacy.AuthorSuppression;
import org.cluetrain.privacy.ErasureMode;
import org.cluetrain.privacy.PrivacyEvents;
import org.cluetrain.privacy.Subject;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * Answers subject requests (GDPR Art. 15 and 17) for one person across every store: the searchable
 * posts and their index files, the ledger and its figures, threads, the inbox (items, notes, saved
 * replies), alerts, relevance verdicts and uploads waiting in the data directory.
 *
 * <p>{@link #erase} removes or pseudonymises the person's posts as each project's privacy setting
 * says, redacts them from other people's texts that name them, corrects the figures, puts them on
 * the suppression list and then makes the deletions final in the files. Every export and erasure is
 * reported to {@link PrivacyEvents}, the one place the audit log hooks in.
 */
public final class SubjectRequests {
  /** At most this many posts of one person, or naming them, are handled per request. */
  static final int MAX_POSTS = SearchRequest.MAX_LIMIT;

  private final PostStore store;
  private final PostLedger ledger;
  private final RelevanceLabelStore labels;
  private final InboxStore inbox;
  private final AlertStore alerts;
  private final AuthorSuppression suppression;
  private final PseudonymVault vault;
  private final Workspace workspace;
  private final ListeningPipeline pipeline;
  private final Path uploads;
  private final Clock clock;
  private volatile PrivacyEvents events = PrivacyEvents.NONE;

  public SubjectRequests(
      PostStore store,
      PostLedger ledger,
      RelevanceLabelStore labels,
      InboxStore inbox,
      AlertStore alerts,
      AuthorSuppression suppression,
      PseudonymVault vault,
      Workspace workspace,
      ListeningPipeline pipeline,
      Path uploads,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.labels = Objects.requireNonNull(labels, "labels");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.suppression = Objects.requireNonNull(suppression, "suppression");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.uploads = Objects.requireNonNull(uploads, "uploads");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reports every export, erasure and reveal here from now on (the audit log). */
  public void reportTo(PrivacyEvents events) {
    this.events = Objects.requireNonNull(events, "events");
  }

  /** Everything held about the person named, per store. */
  public SubjectReport find(String given) {
    Subject subject = new Subject(given);
    Map<String, StoredPost> posts = new LinkedHashMap<>();
    for (String key : subject.lookupKeys()) {
      for (StoredPost post : store.byAuthor(key, MAX_POSTS)) {
        if (subject.matches(post.post().author())) {
          posts.putIfAbsent(post.post().id(), post);
        }
      }
    }
    Map<String, Author> authors = new LinkedHashMap<>();
    posts.values().forEach(p -> authors.putIfAbsent(p.post().author().id(), p.post().author()));
    // in projects that store pseudonyms, the person's posts are under theirs
    List<String> pseudonyms = new ArrayList<>();
    for (Map.Entry<Author, Author> pseudonym : vault.matching(subject)) {
      pseudonyms.add(pseudonym.getKey().id());
      authors.putIfAbsent(pseudonym.getValue().id(), pseudonym.getValue());
      store
          .byAuthor(pseudonym.getKey().id(), MAX_POSTS)
          .forEach(p -> posts.putIfAbsent(p.post().id(), p));
    }
    List<String> identifiers = subject.identifiers(List.copyOf(authors.values()));
    List<String> ids = List.copyOf(posts.keySet());

    List<String> threadsStarted =
        posts.values().stream()
            .map(StoredPost::post)
            .filter(p -> p.parentId() == null || p.parentId().equals(p.id()))
            .map(Post::threadId)
            .distinct()
            .toList();
    List<StoredPost> mentionedIn = mentioning(identifiers, posts.keySet());
    boolean suppressed = authors.values().stream().anyMatch(suppression::isSuppressed);
    return new SubjectReport(
        subject.given(),
        clock.instant(),
        List.copyOf(authors.values()),
        pseudonyms,
        identifiers,
        List.copyOf(posts.values()),
        List.copyOf(ledger.knownPostIds(ids)),
        threadsStarted,
        mentionedIn,
        inbox.itemsOfPosts(ids),
        inbox.eventsMentioning(identifiers),
        inbox.repliesMentioning(identifiers),
        alerts.mentioning(identifiers),
        labels.countRelevanceLabels(ids),
        uploadsMentioning(identifiers),
        suppressed);
  }

  /**
   * Everything held about the person, for handing to them (Art. 15); reported as an export.
   *
   * @param actor who asked, for the audit log
   */
  public SubjectReport export(String given, String actor) {
    SubjectReport report = find(given);
    events.exported(actor, report.subject(), report.found());
    return report;
  }

  /**
   * Erases the person (Art. 17) from every store and keeps them out of later imports.
   *
   * @param actor who asked, for the audit log
   */
  public ErasureReport erase(String given, String actor) {
    // no batch may be stored while the person's posts are taken out: a post of theirs arriving
    // in between would escape both the erasure and the suppression list
    return pipeline.exclusively(() -> eraseWhileNothingIsStored(given, actor));
  }

  private ErasureReport eraseWhileNothingIsStored(String given, String actor) {
    SubjectReport found = find(given);
    Map<String, Integer> erased = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    List<String> identifiers = found.identifiers();

    List<StoredPost> removed = new ArrayList<>();
    List<StoredPost> pseudonymised = new ArrayList<>();
    for (StoredPost post : found.posts()) {
      (erasureIn(post.post().project()) == ErasureMode.PSEUDONYMISE ? pseudonymised : removed)
          .add(post);
    }
    List<String> removedIds = removed.stream().map(p -> p.post().id()).toList();
    erased.put("inbox_items", inbox.forgetItemsOfPosts(removedIds));
    erased.put("relevance_labels", labels.forgetRelevanceLabels(removedIds));
    erased.put("ledger_posts", ledger.forget(removed));
    erased.put("posts_removed", store.delete(removedIds));

    Map<String, Author> pseudonyms = new LinkedHashMap<>();
    List<StoredPost> rewritten = new ArrayList<>();
    for (StoredPost stored : pseudonymised) {
      Author author = stored.post().author();
      // the pseudonym alone: erasure keeps no sealed identity that could reveal it again
      Author pseudonym =
          pseudonyms.computeIfAbsent(
              author.id(),
              id -> PseudonymVault.isPseudonym(author) ? author : vault.pseudonym(author));
      rewritten.add(redacted(stored, identifiers, pseudonym));
    }
    pseudonyms.forEach((id, pseudonym) -> ledger.moveAuthor(id, pseudonym.id(), pseudonym.name()));
    erased.put("posts_pseudonymised", rewritten.size());
    if (!rewritten.isEmpty()) {
      notes.add(
          rewritten.size()
              + " posts kept under a pseudonym, as their project's privacy setting says");
    }

    // other people's posts keep their words, without the person's name, handle or address
    for (StoredPost other : found.mentionedIn()) {
      rewritten.add(redacted(other, identifiers, other.post().author()));
    }
    erased.put("mentions_redacted", found.mentionedIn().size());
    store.store(rewritten);
    Set<String> threads = new LinkedHashSet<>(found.threadsStarted());
    rewritten.forEach(p -> threads.add(p.post().threadId()));
    erased.put(
        "thread_titles_redacted",
        ledger.redactThreadTitles(threads, identifiers, Subject.REDACTED));
    erased.put("inbox_texts_redacted", inbox.redact(identifiers, Subject.REDACTED));
    erased.put("alerts_redacted", alerts.redact(identifiers, Subject.REDACTED));

    erased.put("pseudonyms_forgotten", vault.forget(found.pseudonyms()));
    suppression.suppress(found.authors(), clock.instant());
    erased.put("authors_suppressed", found.authors().size());
    if (!found.uploads().isEmpty()) {
      notes.add(
          found.uploads().size()
              + " uploads waiting to be imported name them: their posts will be suppressed, and"
              + " the files are deleted once imported");
    }
    // the files: index segments rewritten without the old documents, database pages rewritten
    store.expungeDeleted();
    ledger.compact();
    events.erased(actor, found.subject(), erased);
    return new ErasureReport(found.subject(), erased, notes);
  }

  /** What erasure does in a project: its privacy setting; remove where no project says. */
  private ErasureMode erasureIn(String project) {
    if (project == null) {
      return ErasureMode.REMOVE;
    }
    return workspace.project(project).map(p -> p.privacy().erasure()).orElse(ErasureMode.REMOVE);
  }

  /**
   * Who an author pseudonym stands for: the one call that reveals a pseudonym, reported to {@link
   * PrivacyEvents} (the audit log) whether or not it is known. Callers let admins alone reach it.
   *
   * @param actor who asked, for the audit log
   */
  public Optional<Author> reveal(String pseudonym, String actor) {
    Optional<Author> revealed = vault.reveal(pseudonym.strip());
    events.revealed(actor, pseudonym.strip());
    return revealed;
  }

  /** The post with the identifiers redacted from its words and address, by {@code author}. */
  private static StoredPost redacted(StoredPost stored, List<String> identifiers, Author author) {
    Post post = stored.post();
    Post.Builder changed =
        post.toBuilder()
            .author(author)
            .text(Subject.redact(post.text(), identifiers))
            .mentions(
                post.mentions().stream().filter(m -> !Subject.mentions(m, identifiers)).toList());
    if (post.title() != null) {
      changed.title(Subject.redact(post.title(), identifiers));
    }
    if (post.html() != null) {
      changed.html(Subject.redact(post.html(), identifiers));
    }
    if (post.url() != null) {
      changed.url(Subject.redact(post.url(), identifiers));
    }
    return new StoredPost(changed.build(), stored.matchedQueries());
  }

  /** Other people's posts whose words name the person. */
  private List<StoredPost> mentioning(List<String> identifiers, Set<String> theirs) {
    Map<String, StoredPost> found = new LinkedHashMap<>();
    for (String identifier : identifiers) {
      String phrase = identifier.replaceAll("[\"*\\\\]", " ").strip();
      if (phrase.isEmpty()) {
        continue;
      }
      List<StoredPost> hits;
      try {
        hits =
            store
                .search(new SearchRequest("\"" + phrase + "\"", null, null, null, MAX_POSTS))
                .posts();
      } catch (QuerySyntaxException | IllegalArgumentException notSearchable) {
        continue; // punctuation only: no word of it is in the index either
      }
      for (StoredPost hit : hits) {
        Post post = hit.post();
        if (!theirs.contains(post.id())
            && (Subject.mentions(post.fullText(), identifiers)
                || Subject.mentions(post.url(), identifiers)
                || Subject.mentions(post.html(), identifiers))) {
          found.putIfAbsent(post.id(), hit);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /** The files waiting in {@code uploads/} whose bytes name the person. */
  private List<String> uploadsMentioning(List<String> identifiers) {
    if (identifiers.isEmpty() || !Files.isDirectory(uploads)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(uploads)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> contains(file, identifiers))
          .map(file -> uploads.relativize(file).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the uploads in " + uploads, e);
    }
  }

  /**
   * Whether the file's bytes hold one of the identifiers (UTF-8, ASCII letters in any case), read
   * in chunks that overlap by the longest identifier so no occurrence falls between two.
   */
  static boolean contains(Path file, List<String> identifiers) {
    List<String> wanted =
        identifiers.stream()
            .map(i -> latin1(i.getBytes(StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT))
            .toList();
    int overlap = wanted.stream().mapToInt(String::length).max().orElse(0);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 20];
      String carry = "";
      int read;
      while ((read = in.read(buffer)) > 0) {
        String chunk = carry + latin1(buffer, read).toLowerCase(Locale.ROOT);
        for (String w : wanted) {
          if (chunk.contains(w)) {
            return true;
          }
        }
        carry = chunk.substring(Math.max(0, chunk.length() - overlap));
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String latin1(byte[] bytes) {
    return latin1(bytes, bytes.length);
  }

  private static String latin1(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
