package org.cluetrain.app.inbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.access.Account;
import org.cluetrain.access.AccountStore;
import org.cluetrain.access.Role;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.inbox.BusinessHours;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.InboxSettings;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.ResponseClock;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.inbox.Status;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.StoredPostsListener;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * The engagement inbox of every project: the workspace's rules make stored posts items, analysts
 * make items by hand and work them from open to done. Every change is saved with a line in the
 * item's log. Changes to one item are serialised, so two people acting at once never lose each
 * other's change.
 */
public final class Inbox {
  /** How many of a project's most recent posts {@link #catchUp} runs the rules over. */
  public static final int CATCH_UP_POSTS = 2_000;

  private final InboxStore store;
  private final PostStore posts;
  private final Workspace workspace;
  private final AccountStore accounts;
  private final Clock clock;

  public Inbox(
      InboxStore store, PostStore posts, Workspace workspace, AccountStore accounts, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What the pipeline calls after storing a batch: the rules run over its posts. */
  public StoredPostsListener intake() {
    return new StoredPostsListener() {
      @Override
      public String name() {
        return "inbox";
      }

      @Override
      public void stored(List<StoredPost> batch) {
        take(batch);
      }
    };
  }

  /** The inbox settings of a project (defaults for a project the workspace does not name). */
  public InboxSettings settings(String project) {
    return workspace
        .project(project)
        .map(Workspace.Project::inbox)
        .orElseGet(() -> InboxSettings.defaults(ZoneId.systemDefault()));
  }

  /**
   * Runs each post's project's rules over it and makes items of the posts they pick. A post that
   * has an item already gets no second one.
   *
   * @return the items created
   */
  public List<InboxItem> take(List<StoredPost> batch) {
    List<InboxItem> created = new ArrayList<>();
    Instant now = clock.instant();
    for (StoredPost stored : batch) {
      String project = stored.post().project();
      if (project == null || workspace.project(project).isEmpty()) {
        continue;
      }
      InboxSettings settings = settings(project);
      if (settings.rules().isEmpty() || !settings.isCurrent(stored, now)) {
        continue;
      }
      settings
          .triage(stored)
          .flatMap(
              triage ->
                  store.createIfAbsent(
                      newItem(
                          stored.post(),
                          settings,
                          triage.priority(),
                          triage.tags(),
                          triage.assignee(),
                          String.join(", ", triage.rules()),
                          now,
                          // a post older than the target when it came in is not new: no clock
                          ResponseClock.startFor(
                              stored.post().published(),
                              settings.respondWithin(),
                              now,
                              settings.hours())),
                      new InboxEvent(
                          0,
                          now,
                          null,
                          InboxEvent.Kind.CREATED,
                          String.join(", ", triage.rules()),
                          null)))
          .ifPresent(created::add);
    }
    return created;
  }

  /**
   * Runs the rules over each project's most recent posts: after the workspace's files are imported
   * on start, posts stored before a rule existed (or while a rule failed) get their items. Posts
   * with items keep them; none gets a second.
   *
   * @return how many items were created
   */
  public int catchUp() {
    int created = 0;
    for (Workspace.Project project : workspace.projects()) {
      if (project.inbox().rules().isEmpty()) {
        continue;
      }
      List<StoredPost> recent;
      try {
        recent =
            posts.search(new SearchRequest("", project.name(), null, null, CATCH_UP_POSTS)).posts();
      } catch (QuerySyntaxException impossible) {
        throw new IllegalStateException(impossible); // the empty query always parses
      }
      created += take(recent).size();
    }
    return created;
  }

  /** An item made by hand from a post, and whether it is new (false: the post had one). */
  public record Created(InboxItem item, boolean isNew) {}

  /**
   * Makes an item of a post by hand; a post that has an item keeps it.
   *
   * @throws NoSuchElementException when the project has no such post
   */
  public synchronized Created create(String project, String postId, String actor) {
    Optional<InboxItem> existing = store.item(project, postId);
    if (existing.isPresent()) {
      return new Created(existing.get(), false);
    }
    Post post =
        posts
            .get(postId)
            .map(StoredPost::post)
            .filter(p -> project.equals(p.project()))
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "the project '" + project + "' has no post with id " + postId));
    Instant now = clock.instant();
    InboxSettings settings = settings(project);
    Optional<InboxItem> item =
        store.createIfAbsent(
            // whoever makes an item by hand takes the post up now: its clock starts now
            newItem(
                post,
                settings,
                Priority.NORMAL,
                List.of(),
                null,
                null,
                now,
                ResponseClock.start(settings.respondWithin(), now, settings.hours())),
            new InboxEvent(0, now, actor, InboxEvent.Kind.CREATED, "", null));
    return item.map(i -> new Created(i, true))
        .orElseGet(() -> new Created(store.item(project, postId).orElseThrow(), false));
  }

  private static InboxItem newItem(
      Post post,
      InboxSettings settings,
      Priority priority,
      List<String> tags,
      String assignee,
      String rule,
      Instant now,
      ResponseClock responseClock) {
    return new InboxItem(
        0,
        post.project(),
        post.id(),
        post.threadId(),
        post.author() == null ? null : post.author().id(),
        post.author() == null ? null : post.author().name(),
        InboxItem.summarize(post.title(), post.text()),
        post.source().name(),
        post.url(),
        post.published(),
        Status.OPEN,
        priority,
        assignee,
        tags,
        rule,
        now,
        now,
        null,
        responseClock);
  }

  /** The item with this number. */
  public Optional<InboxItem> item(long id) {
    return store.item(id);
  }

  /** The project's item for a post, if it has one. */
  public Optional<InboxItem> item(String project, String postId) {
    return store.item(project, postId);
  }

  public List<InboxItem> items(InboxQuery query) {
    return store.items(query);
  }

  /**
   * Every item of the project, oldest first, a page at a time (see {@link InboxStore#eachItem}).
   */
  public long eachItem(String project, java.util.function.Consumer<? super InboxItem> each) {
    return store.eachItem(project, each);
  }

  public Map<Status, Integer> counts(String project) {
    return store.counts(project);
  }

  public int overdue(String project) {
    return store.overdue(project, clock.instant());
  }

  public List<InboxEvent> log(long id) {
    return store.events(id);
  }

  /** The project's other items about posts of this author, newest first. */
  public List<InboxItem> byAuthor(String project, String authorId, long exceptId, int limit) {
    if (authorId == null) {
      return List.of();
    }
    return store.byAuthor(project, authorId, limit + 1).stream()
        .filter(i -> i.id() != exceptId)
        .limit(limit)
        .toList();
  }

  public List<String> tags(String project) {
    return store.tags(project);
  }

  /** The accounts an item of the project can go to: analysts and admins who see the project. */
  public List<String> assignees(String project) {
    return accounts.all().stream()
        .filter(a -> a.may(Role.ANALYST) && a.canSee(project))
        .map(Account::name)
        .toList();
  }

  /**
   * How an item's response clock stands now.
   *
   * @param elapsed business time counted so far
   * @param target the response target
   * @param due when the target is reached while the clock runs, else {@code null}
   * @param running whether the clock runs
   * @param overdue whether the item is unanswered past its target (and not done)
   */
  public record Sla(
      Duration elapsed, Duration target, Instant due, boolean running, boolean overdue) {
    /** Business time left, negative when overdue. */
    public Duration remaining() {
      return target.minus(elapsed);
    }
  }

  public Sla sla(InboxItem item) {
    Instant now = clock.instant();
    BusinessHours hours = settings(item.project()).hours();
    ResponseClock c = item.clock();
    boolean overdue =
        item.status() != Status.DONE && item.responded() == null && c.overdue(now, hours);
    return new Sla(c.elapsed(now, hours), c.target(), c.due(), c.running(), overdue);
  }

  /** The current time of the inbox's clock. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Gives the item to an account, or to nobody.
   *
   * @param assignee an analyst or admin who sees the project, or {@code null}/blank for nobody
   */
  public synchronized InboxItem assign(long id, String assignee, String actor) {
    InboxItem item = require(id);
    String to = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (to != null) {
      Account account =
          accounts
              .find(to)
              .orElseThrow(
                  () -> new IllegalArgumentException("there is no user named '" + to + "'"));
      if (!account.may(Role.ANALYST)) {
        throw new IllegalArgumentException(
            "'" + to + "' is a " + account.role().label() + " and may not work on items");
      }
      if (!account.canSee(item.project())) {
        throw new IllegalArgumentException(
            "'" + to + "' may not see the project '" + item.project() + "'");
      }
    }
    Instant now = clock.instant();
    InboxItem changed =
        item.with(
            item.status(), item.priority(), to, item.tags(), now, item.responded(), item.clock());
    store.update(changed, new InboxEvent(id, now, actor, InboxEvent.Kind.ASSIGNED, to, null));
    return changed;
  }

  /** Moves the item to a status; the clock runs only while it is open and unanswered. */
  public synchronized InboxItem status(long id, Status status, String actor) {
    InboxItem item = require(id);
    Instant now = clock.instant();
    InboxItem changed =
        item.with(
            status,
            item.priority(),
            item.assignee(),
            item.tags(),
            now,
            item.responded(),
            clockFor(item, status, item.responded(), now));
    store.update(
        changed, new InboxEvent(id, now, actor, InboxEvent.Kind.STATUS, status.label(), null));
    return changed;
  }

  public synchronized InboxItem priority(long id, Priority priority, String actor) {
    InboxItem item = require(id);
    Instant now = clock.instant();
    InboxItem changed =
        item.with(
            item.status(),
            priority,
            item.assignee(),
            item.tags(),
            now,
            item.responded(),
            item.clock());
    store.update(
        changed, new InboxEvent(id, now, actor, InboxEvent.Kind.PRIORITY, priority.label(), null));
    return changed;
  }

  /** Replaces the item's tags (lower-cased, each once). */
  public synchronized InboxItem tags(long id, List<String> tags, String actor) {
    InboxItem item = require(id);
    Set<String> clean = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag.strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        clean.add(InboxItem.requireTag(t));
      }
    }
    Instant now = clock.instant();
    InboxItem changed =
        item.with(
            item.status(),
            item.priority(),
            item.assignee(),
            List.copyOf(clean),
            now,
            item.responded(),
            item.clock());
    store.update(
        changed,
        new InboxEvent(id, now, actor, InboxEvent.Kind.TAGS, String.join(", ", clean), null));
    return changed;
  }

  /** Adds an internal note: for the team, never sent anywhere. */
  public synchronized InboxItem note(long id, String text, String actor) {
    InboxItem item = require(id);
    String note = requireText(text, "note");
    Instant now = clock.instant();
    InboxItem changed =
        item.with(
            item.status(),
            item.priority(),
            item.assignee(),
            item.tags(),
            now,
            item.responded(),
            item.clock());
    store.update(changed, new InboxEvent(id, now, actor, InboxEvent.Kind.NOTE, note, null));
    return changed;
  }

  /**
   * Records the response the team gave (on the platform, by mail, by phone): its text and, where it
   * was published, its link. The first response stops the response clock.
   *
   * @param url the response's address, or {@code null}/blank
   */
  public synchronized InboxItem respond(long id, String text, String url, String actor) {
    InboxItem item = require(id);
    String response = requireText(text, "response");
    String link = url == null || url.isBlank() ? null : requireLink(url.strip());
    Instant now = clock.instant();
    Instant responded = item.responded() == null ? now : item.responded();
    InboxItem changed =
        item.with(
            item.status(),
            item.priority(),
            item.assignee(),
            item.tags(),
            now,
            responded,
            clockFor(item, item.status(), responded, now));
    store.update(changed, new InboxEvent(id, now, actor, InboxEvent.Kind.RESPONSE, response, link));
    return changed;
  }

  private ResponseClock clockFor(InboxItem item, Status status, Instant responded, Instant now) {
    BusinessHours hours = settings(item.project()).hours();
    boolean runs = status == Status.OPEN && responded == null;
    return runs ? item.clock().resume(now, hours) : item.clock().stop(now, hours);
  }

  public List<SavedReply> replies(String project) {
    return store.replies(project);
  }

  /** Saves a reply the team reuses; a name already used in the project is refused. */
  public SavedReply saveReply(String project, String name, String text, String actor) {
    return store.saveReply(new SavedReply(0, project, name, text, actor, clock.instant()));
  }

  public boolean deleteReply(String project, long id) {
    return store.deleteReply(project, id);
  }

  private InboxItem require(long id) {
    return store
        .item(id)
        .orElseThrow(() -> new NoSuchElementException("there is no inbox item " + id));
  }

  private static String requireText(String text, String what) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " is empty");
    }
    if (clean.length() > InboxEvent.MAX_TEXT) {
      throw new IllegalArgumentException(
          "the " + what + " has " + clean.length() + " characters; at most " + InboxEvent.MAX_TEXT);
    }
    return clean;
  }

  private static String requireLink(String url) {
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "the link '" + url + "' is not a web address (http:// or https://)");
  }
}
