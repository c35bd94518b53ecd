package org.cluetrain.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.ListeningStats;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/** The start page: what is running and where the API is, until the web UI arrives. */
final class IndexPage {
  private IndexPage() {}

  static Map<String, String> endpoints() {
    Map<String, String> api = new LinkedHashMap<>();
    api.put("GET /api/status", "posts stored, data directory, query problems, polling");
    api.put("GET /api/projects", "projects with their feeds and queries");
    api.put("GET /api/queries?project=P", "saved queries with their examples");
    api.put("GET /api/queries/{project}/{name}/counts?since=7d", "hourly match counts");
    api.put("GET /api/search?q=Q&project=P&since=T&until=T&limit=N", "search stored posts");
    api.put("GET /api/posts/{id}", "one post");
    api.put("GET /api/threads?project=P", "conversations, most recently active first");
    api.put("GET /api/threads/{id}", "every post of a conversation, oldest first");
    api.put("GET /api/authors?project=P", "authors by posts, with replies they drew");
    api.put("GET /api/stats?project=P", "posts by project, source, language, kind, query");
    api.put("GET /api/sources", "health of every polled source");
    api.put(
        "POST /api/projects/{project}/labels",
        "label a post relevant or not: {\"post_id\", \"relevant\"}");
    api.put("GET /api/projects/{project}/labels/next?limit=N", "posts most worth labelling next");
    return api;
  }

  /**
   * A plain overview of what is stored: posts per project and query, the latest posts and the
   * sources' health, so a new user sees data at once.
   */
  static String html(EmbeddedRuntime runtime) {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Cluetrain</title><style>")
        .append("body{font-family:system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;")
        .append("padding:0 1rem;line-height:1.45;color:#222}h1{margin-bottom:.2rem}")
        .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.2rem}")
        .append("td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;")
        .append("vertical-align:top}th{background:#f4f4f4}code{background:#f2f2f2;padding:0 .2rem}")
        .append(".q{font-size:.8rem;background:#e8f0fe;border-radius:.3rem;padding:0 .3rem;")
        .append("margin-right:.2rem}.muted{color:#777;font-size:.85rem}</style></head><body>")
        .append("<h1>Cluetrain is listening</h1><p class=\"muted\">")
        .append(runtime.store().count())
        .append(" posts stored &middot; the web interface is coming; the JSON API is below</p>");
    ListeningStats all = runtime.ledger().stats(null);
    html.append(
        "<h2>Projects</h2><table><tr><th>project</th><th>posts</th><th>matches per query</th></tr>");
    for (Workspace.Project project : runtime.workspace().projects()) {
      html.append("<tr><td><code>")
          .append(escape(project.name()))
          .append("</code><br><span class=\"muted\">")
          .append(escape(project.description() == null ? "" : project.description()))
          .append("</span></td><td>")
          .append(all.byProject().getOrDefault(project.name(), 0L))
          .append("</td><td>");
      for (SavedQuery query : project.queries()) {
        html.append("<span class=\"q\">")
            .append(escape(query.name()))
            .append(" ")
            .append(all.byQuery().getOrDefault(query.id(), 0L))
            .append("</span> ");
      }
      html.append("</td></tr>");
    }
    html.append("</table><h2>Latest posts</h2><table><tr><th>published</th><th>lang</th>")
        .append("<th>kind</th><th>author</th><th>text</th></tr>");
    try {
      for (StoredPost stored :
          runtime.store().search(new SearchRequest("", null, null, null, 12)).posts()) {
        Post post = stored.post();
        String text = post.fullText().replaceAll("\\s+", " ").strip();
        text = text.length() > 180 ? text.substring(0, 179) + "…" : text;
        html.append("<tr><td>")
            .append(post.published().toString().substring(0, 16).replace('T', ' '))
            .append("</td><td>")
            .append(escape(String.valueOf(post.lang())))
            .append("</td><td>")
            .append(post.kind().label())
            .append("</td><td>")
            .append(escape(post.author() == null ? "" : post.author().name()))
            .append("</td><td>")
            .append(escape(text))
            .append("<br>");
        for (String query : stored.matchedQueries()) {
          html.append("<span class=\"q\">").append(escape(query)).append("</span>");
        }
        html.append("</td></tr>");
      }
    } catch (QuerySyntaxException impossible) {
      throw new IllegalStateException(impossible); // the empty query always parses
    }
    html.append("</table><h2>Sources</h2><table><tr><th>source</th><th>state</th><th>items</th>")
        .append("<th>last error</th></tr>");
    for (SourceHealth health : runtime.ledger().health()) {
      html.append("<tr><td>")
          .append(escape(health.url() == null ? health.sourceId() : health.url()))
          .append("</td><td>")
          .append(health.state())
          .append("</td><td>")
          .append(health.itemsFetched())
          .append("</td><td>")
          .append(escape(health.lastError() == null ? "" : health.lastError()))
          .append("</td></tr>");
    }
    html.append("</table><h2>HTTP API</h2><ul>");
    endpoints()
        .forEach(
            (endpoint, what) -> {
              String path = endpoint.substring(4);
              String link =
                  path.contains("{")
                      ? "<code>" + escape(endpoint) + "</code>"
                      : "<a href=\""
                          + escape(path)
                          + "\"><code>"
                          + escape(endpoint)
                          + "</code></a>";
              html.append("<li>").append(link).append(" — ").append(escape(what)).append("</li>");
            });
    return html.append("</ul></body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
