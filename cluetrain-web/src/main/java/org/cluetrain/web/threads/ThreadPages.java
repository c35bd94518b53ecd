package org.cluetrain.web.threads;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/** A whole conversation, {@code /threads/{id}}: its posts as the reply tree their parents make. */
public final class ThreadPages {
  /** The most posts a thread page shows; the page says when a thread has more. */
  static final int MAX_POSTS = 2_000;

  private final EmbeddedRuntime runtime;

  private ThreadPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.get("/threads/{id}", new ThreadPages(runtime)::page, Access.VIEWER);
  }

  /**
   * A post in the tree.
   *
   * @param orphan whether its parent is not stored, so it hangs at the root
   */
  public record Node(StoredPost stored, boolean orphan, List<Node> replies) {
    public boolean matched() {
      return !stored.matchedQueries().isEmpty();
    }

    public String anchor() {
      return ThreadLinks.anchor(stored.post().id());
    }
  }

  /**
   * Builds the tree from parent ids: a post whose parent is stored hangs below it; the opening post
   * and every post whose parent is missing (not fetched, deleted, outside the export) are roots,
   * the latter marked as orphans. Siblings stay oldest first.
   */
  static List<Node> tree(List<StoredPost> posts) {
    Map<String, Node> byId = new LinkedHashMap<>();
    for (StoredPost stored : posts) {
      String parent = stored.post().parentId();
      boolean orphan =
          parent != null
              && !parent.equals(stored.post().id())
              && posts.stream().noneMatch(p -> p.post().id().equals(parent));
      byId.put(stored.post().id(), new Node(stored, orphan, new ArrayList<>()));
    }
    List<Node> roots = new ArrayList<>();
    for (Node node : byId.values()) {
      String parent = node.stored().post().parentId();
      Node above = parent == null ? null : byId.get(parent);
      if (above == null || above == node) {
        roots.add(node);
      } else {
        above.replies().add(node);
      }
    }
    return roots;
  }

  /** The most characters of a post's text that name a thread without a title. */
  static final int HEADING_LENGTH = 80;

  /**
   * What names a thread: the title of its opening post, or the first words of its text; when the
   * opening post is not stored, the first words of the earliest post that is.
   */
  static String heading(StoredPost first) {
    String title = first.post().title();
    String words =
        (title != null && !title.isBlank() ? title : first.post().text())
            .strip()
            .replaceAll("\\s+", " ");
    if (words.length() <= HEADING_LENGTH) {
      return words;
    }
    int cut = words.lastIndexOf(' ', HEADING_LENGTH - 1);
    return words.substring(0, cut > HEADING_LENGTH / 2 ? cut : HEADING_LENGTH - 1) + "…";
  }

  private void page(Context ctx) {
    String id;
    try {
      id = ThreadLinks.id(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundResponse("no thread with the address " + ctx.pathParam("id"));
    }
    List<StoredPost> posts = runtime.store().thread(id, MAX_POSTS);
    if (posts.isEmpty()) {
      throw new NotFoundResponse("no thread " + id);
    }
    String project = posts.get(0).post().project();
    Authentication.requireProject(ctx, project);
    PageContext page = Authentication.page(ctx, project, "mentions");
    Map<String, String> queryNames = new HashMap<>();
    runtime.queries().queries().forEach(q -> queryNames.put(q.id(), q.name()));
    long matched = posts.stream().filter(p -> !p.matchedQueries().isEmpty()).count();
    long orphans = 0;
    List<Node> roots = tree(posts);
    for (Node root : roots) {
      if (root.orphan()) {
        orphans++;
      }
    }
    StoredPost opening =
        posts.stream().filter(p -> p.post().id().equals(id)).findFirst().orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("threadId", id);
    model.put("opening", opening);
    model.put("heading", heading(opening != null ? opening : posts.get(0)));
    model.put("roots", roots);
    model.put("posts", posts.size());
    model.put("matched", matched);
    model.put("orphans", orphans);
    model.put("truncated", posts.size() == MAX_POSTS);
    model.put("queryNames", queryNames);
    Templates.page(ctx, "threads/thread.jte", model);
  }
}
