package org.cluetrain.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API's table of contents, served at {@code /api}. */
final class ApiIndex {
  private ApiIndex() {}

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
    api.put(
        "GET /api/projects/{project}/overview?days=30|since=T&until=T",
        "a project's overview: mentions, negative share, volume, share of voice, sentiment");
    api.put(
        "POST /api/projects/{project}/imports?file=NAME&format=auto",
        "import a file sent as the request body; 202 with the import, watched at its Location");
    api.put(
        "POST /api/projects/{project}/posts",
        "push posts (a JSON array or one per line, at most 16 MiB) from a collector or webhook;"
            + " answers what was new, already stored and unreadable");
    api.put("GET /api/imports", "the imports since the server started, newest first");
    api.put(
        "GET /api/imports/{id}", "one import: state, posts read, new, already stored, problems");
    api.put(
        "GET /api/audit?kind=K&actor=A&from=D&to=D&offset=N&limit=N",
        "the audit log, newest first (admins only)");
    api.put(
        "GET /api/audit/export?format=csv|ndjson&kind=K&actor=A&from=D&to=D",
        "the whole audit log, or what the filters select, as CSV or NDJSON (admins only)");
    api.put(
        "GET /api/privacy/subjects?author=A",
        "admins: what each store holds about one person (handle, name, profile URL, e-mail)");
    api.put(
        "GET /api/privacy/subjects/export?author=A",
        "admins: everything held about one person, as one JSON document (GDPR Art. 15)");
    api.put(
        "POST /api/privacy/subjects/erase?author=A",
        "admins: erase one person from every store and keep them out of later imports (Art. 17)");
    api.put(
        "GET /api/retention",
        "how long each project and source keeps posts and closed inbox items, the last retention"
            + " run and the next");
    api.put(
        "POST /api/retention/run?dry_run=true&project=P",
        "admins: remove what has expired now (or only count it), per project and source");
    api.putAll(org.cluetrain.web.queries.QueryPages.apiEndpoints());
    api.putAll(org.cluetrain.web.inbox.InboxPages.apiEndpoints());
    return api;
  }
}
