package org.cluetrain.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cluetrain.app.workspace.Workspace;

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
    return api;
  }

  static String html(Workspace workspace) {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Cluetrain</title><style>body{font-family:system-ui,sans-serif;")
        .append("max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}")
        .append("code{background:#f2f2f2;padding:0 .2rem}</style></head><body>")
        .append("<h1>Cluetrain is listening</h1><p>Projects: ");
    workspace
        .projects()
        .forEach(p -> html.append("<code>").append(escape(p.name())).append("</code> "));
    html.append("</p><h2>HTTP API</h2><ul>");
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
