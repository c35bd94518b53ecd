package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.poll.LiveSources;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.StreamingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mastodon sources in the workspace file, and the live sources they become. */
class WorkspaceLiveSourcesTest {
  @TempDir Path dir;

  Workspace read(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return WorkspaceReader.read(file);
  }

  @Test
  void mastodonSourcesAreReadWithTheirSettingsAndBecomeLiveSources() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - feed: https://example.org/feed.xml
                  - name: fediverse
                    mastodon: https://mastodon.social
                    tag: "#acme"
                    stream: true
                    every: 2m
                  - mastodon: https://fosstodon.org
                    search: acme app
                    token-env: FOSSTODON_TOKEN
            """);

    Workspace.Project project = workspace.project("acme").orElseThrow();
    assertThat(project.feeds()).hasSize(1);
    assertThat(project.liveSources())
        .containsExactly(
            new Workspace.LiveSource(
                "fediverse",
                "mastodon",
                "https://mastodon.social",
                Map.of("tag", "#acme", "stream", "true"),
                120),
            new Workspace.LiveSource(
                "https://fosstodon.org search acme app",
                "mastodon",
                "https://fosstodon.org",
                Map.of("search", "acme app", "token-env", "FOSSTODON_TOKEN"),
                300));

    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.of("FOSSTODON_TOKEN", "t")::get, problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources)
        .extracting(Source::id)
        .containsExactly(
            "mastodon:mastodon.social/tags/acme", "mastodon:fosstodon.org/search/acme app");
    assertThat(sources.get(0)).isInstanceOf(StreamingSource.class);
    assertThat(sources.get(1)).isNotInstanceOf(StreamingSource.class);
    assertThat(sources.get(0).address())
        .isEqualTo("https://mastodon.social/api/v1/timelines/tag/acme?limit=40");

    List<Source> withoutToken =
        LiveSources.sources(
            workspace, workspace.network(), Map.<String, String>of()::get, problems::add);
    assertThat(withoutToken).hasSize(1);
    assertThat(problems)
        .containsExactly(
            "project acme: source 'https://fosstodon.org search acme app': the environment"
                + " variable FOSSTODON_TOKEN named by token-env is not set");
  }

  @Test
  void aMastodonSourceWithoutOrWithTwoTimelinesIsAProblemNamingItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: acme
                        sources:
                          - mastodon: https://mastodon.social
                            tag: acme
                            list: "42"
                          - mastodon: mastodon.social
                            timeline: home
                    """))
        .isInstanceOf(WorkspaceException.class)
        .satisfies(
            e ->
                assertThat(((WorkspaceException) e).problems())
                    .containsExactly(
                        dir.resolve("cluetrain.yaml")
                            + ":4: a Mastodon source needs exactly one of 'tag', 'list', 'search'"
                            + " or 'timeline' (public or local) but has tag, list",
                        dir.resolve("cluetrain.yaml")
                            + ":7: Mastodon instance 'mastodon.social' is not an instance address"
                            + " such as https://mastodon.social",
                        dir.resolve("cluetrain.yaml")
                            + ":8: Mastodon timeline 'home' is not one of public, local (use tag,"
                            + " list or search for the others)"));
  }

  @Test
  void redditSourcesNeedTheirCredentialVariables() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - reddit: r/de
                    search: deutsche bahn
                    client-id-env: REDDIT_ID
                    client-secret-env: REDDIT_SECRET
            """);
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace,
            workspace.network(),
            Map.of("REDDIT_ID", "id", "REDDIT_SECRET", "secret")::get,
            problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources).extracting(Source::id).containsExactly("reddit:r/de/search/deutsche bahn");
    assertThat(sources.get(0).address())
        .isEqualTo(
            "https://oauth.reddit.com/r/de/search?limit=100&q=deutsche+bahn&sort=new&restrict_sr=1"
                + "&raw_json=1");

    assertThat(
            LiveSources.sources(
                workspace, workspace.network(), Map.of("REDDIT_ID", "id")::get, problems::add))
        .isEmpty();
    assertThat(problems)
        .containsExactly(
            "project acme: source 'r/de search deutsche bahn': the environment variable"
                + " REDDIT_SECRET named by client-secret-env is not set");
  }

  @Test
  void hackerNewsSourcesAreASearchOrTheNewStories() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - hackernews: search
                    search: acme widgets
                    every: 10m
                  - name: HN new
                    hackernews: new
            """);
    assertThat(workspace.project("acme").orElseThrow().liveSources())
        .containsExactly(
            new Workspace.LiveSource(
                "Hacker News search acme widgets",
                "hackernews",
                "https://hn.algolia.com",
                Map.of("mode", "search", "search", "acme widgets"),
                600),
            new Workspace.LiveSource(
                "HN new",
                "hackernews",
                "https://hacker-news.firebaseio.com",
                Map.of("mode", "new"),
                300));
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.<String, String>of()::get, problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources)
        .extracting(Source::id)
        .containsExactly("hackernews:search/acme widgets", "hackernews:new");
    assertThat(sources.get(0).address())
        .isEqualTo(
            "https://hn.algolia.com/api/v1/search_by_date?query=acme%20widgets&tags=(story,comment)");
    assertThat(sources.get(1).address())
        .isEqualTo("https://hacker-news.firebaseio.com/v0/newstories.json");
    // a per-source retention finds the posts by their source ids
    List<Workspace.LiveSource> declared = workspace.project("acme").orElseThrow().liveSources();
    assertThat(declared.get(0).covers(sources.get(0).id())).isTrue();
    assertThat(declared.get(0).covers("mastodon:hn.algolia.com/public")).isFalse();
  }

  @Test
  void hackerNewsAndBlueskyMistakesAreReportedTogether() throws Exception {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: acme
                        sources:
                          - hackernews: top
                          - hackernews: search
                          - hackernews: new
                            tag: acme
                          - bluesky: acme.bsky.social
                          - bluesky: search
                    """))
        .hasMessageContainingAll(
            ":4: Hacker News source 'top' is not one of new, search",
            ":5: a Hacker News search source needs 'search': the query",
            ":7: 'tag' is not a setting of a Hacker News source",
            ":8: Bluesky source 'acme.bsky.social' is neither 'search' nor an account such as"
                + " '@acme.bsky.social'",
            ":9: a Bluesky search source needs 'search': the query");
  }

  @Test
  void blueskyAndJetstreamSourcesBecomeLiveSourcesFilteredByTheProjectsQueries() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - bluesky: search
                    search: acme sync
                  - bluesky: "@Acme.bsky.social"
                    appview: https://appview.example
                  - jetstream: wss://jetstream2.us-east.bsky.network
                queries:
                  - name: brand
                    query: '"acme sync" OR acmewidgets -lang:fr'
            """);
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.<String, String>of()::get, problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources)
        .extracting(Source::id)
        .containsExactly(
            "bluesky:search/acme sync",
            "bluesky:@acme.bsky.social",
            "jetstream:jetstream2.us-east.bsky.network");
    assertThat(sources.get(0).address())
        .isEqualTo(
            "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=acme%20sync&sort=latest");
    assertThat(sources.get(1).address())
        .isEqualTo(
            "https://appview.example/xrpc/app.bsky.feed.getAuthorFeed?actor=acme.bsky.social");
    assertThat(sources.get(2).address())
        .isEqualTo(
            "wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post");
    assertThat(sources.get(2).interval()).hasSeconds(60);
    List<Workspace.LiveSource> declared = workspace.project("acme").orElseThrow().liveSources();
    for (int i = 0; i < 3; i++) {
      assertThat(declared.get(i).covers(sources.get(i).id())).isTrue();
    }
  }

  @Test
  void forumSourcesAreAThreadOrBoardAddress() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - forum: https://forum.example/viewtopic.php?t=7
                  - name: Acme category
                    forum: https://community.example/c/support/5
                    every: 1h
            """);
    assertThat(workspace.project("acme").orElseThrow().liveSources())
        .containsExactly(
            new Workspace.LiveSource(
                "forum https://forum.example/viewtopic.php?t=7",
                "forum",
                "https://forum.example/viewtopic.php?t=7",
                Map.of(),
                900),
            new Workspace.LiveSource(
                "Acme category", "forum", "https://community.example/c/support/5", Map.of(), 3600));
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.<String, String>of()::get, problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources)
        .extracting(Source::id)
        .containsExactly(
            "forum:forum.example/viewtopic.php?t=7", "forum:community.example/c/support/5");
    assertThat(sources).extracting(Source::kind).containsOnly("forum");
    List<Workspace.LiveSource> declared = workspace.project("acme").orElseThrow().liveSources();
    assertThat(declared.get(0).covers(sources.get(0).id())).isTrue();
    assertThat(declared.get(0).covers(sources.get(1).id())).isFalse();
  }

  @Test
  void forumMistakesNameTheLineTheProjectAndTheValue() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: acme
                        sources:
                          - forum: forum.example/viewtopic.php?t=7
                          - forum: https://forum.example/t/42
                            tag: acme
                          - forum: ftp://forum.example/board
                    """))
        .hasMessageContainingAll(
            ":4: project 'acme', forum 'forum.example/viewtopic.php?t=7' is not the http(s)"
                + " address of a thread or board such as https://forum.example/viewtopic.php?t=7",
            ":6: 'tag' is not a setting of a forum source",
            ":7: project 'acme', forum 'ftp://forum.example/board' is not the http(s) address");
  }

  @Test
  void youtubeSourcesAreAVideoOrAChannelWithTheirKey() throws Exception {
    Workspace workspace =
        read(
            """
            projects:
              - name: acme
                sources:
                  - youtube: {video: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42"}
                    key-env: YOUTUBE_KEY
                  - name: Acme channel
                    youtube:
                      channel: UCuAXFkgsw1L7xaCfnd5JJOw
                    key: AIza-in-the-file
                    every: 1h
            """);
    assertThat(workspace.project("acme").orElseThrow().liveSources())
        .containsExactly(
            new Workspace.LiveSource(
                "YouTube video dQw4w9WgXcQ",
                "youtube",
                "https://www.googleapis.com",
                Map.of("video", "dQw4w9WgXcQ", "key-env", "YOUTUBE_KEY"),
                900),
            new Workspace.LiveSource(
                "Acme channel",
                "youtube",
                "https://www.googleapis.com",
                Map.of("channel", "UCuAXFkgsw1L7xaCfnd5JJOw", "key", "AIza-in-the-file"),
                3600));
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace,
            workspace.network(),
            Map.of("YOUTUBE_KEY", "AIza-secret")::get,
            problems::add);
    assertThat(problems).isEmpty();
    assertThat(sources)
        .extracting(Source::id)
        .containsExactly("youtube:video/dQw4w9WgXcQ", "youtube:channel/UCuAXFkgsw1L7xaCfnd5JJOw");
    assertThat(sources.get(0).address())
        .isEqualTo(
            "https://www.googleapis.com/youtube/v3/commentThreads?part=snippet,replies"
                + "&videoId=dQw4w9WgXcQ")
        .doesNotContain("AIza");
    List<Workspace.LiveSource> declared = workspace.project("acme").orElseThrow().liveSources();
    assertThat(declared.get(0).covers(sources.get(0).id())).isTrue();

    List<String> unset = new ArrayList<>();
    LiveSources.sources(workspace, workspace.network(), Map.<String, String>of()::get, unset::add);
    assertThat(unset)
        .containsExactly(
            "project acme: source 'YouTube video dQw4w9WgXcQ': the environment variable"
                + " YOUTUBE_KEY named by key-env is not set");
  }

  @Test
  void youtubeMistakesNameTheLineTheProjectAndTheValue() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    projects:
                      - name: acme
                        sources:
                          - youtube: {video: acme-widgets-demo}
                            key-env: YOUTUBE_KEY
                          - youtube: {channel: "@acme"}
                            key-env: YOUTUBE_KEY
                          - youtube: {video: dQw4w9WgXcQ}
                          - youtube: {video: dQw4w9WgXcQ, channel: UCuAXFkgsw1L7xaCfnd5JJOw}
                            key-env: YOUTUBE_KEY
                    """))
        .hasMessageContainingAll(
            ":4: project 'acme', YouTube video 'acme-widgets-demo' is neither a video id such as"
                + " dQw4w9WgXcQ nor a watch address",
            ":6: project 'acme', YouTube channel '@acme' is not a channel id",
            ":8: project 'acme', a YouTube source needs exactly one of 'key-env'",
            ":9: project 'acme', a YouTube source needs exactly one of 'video' or 'channel'");
  }
}
