package org.cluetrain.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;

class InboxSettingsTest {
  static StoredPost post(
      String text, String sentiment, String lang, String url, String... queries) {
    Post post =
        Post.builder()
            .id("url:" + url)
            .source(new SourceRef("feed:https://blog.example/feed", SourceType.FEED, "Blog", null))
            .author(new Author("blog:martina", "Martina K.", null, null))
            .url(url)
            .text(text)
            .published(Instant.parse("2026-11-16T09:03:10Z"))
            .lang(lang)
            .labels(
                sentiment == null
                    ? Map.of()
                    : Map.of("sentiment", new Label(sentiment, 0.8, List.of())))
            .project("bahn")
            .build();
    return new StoredPost(post, List.of(queries));
  }

  static InboxRule rule(
      String name, Set<String> queries, Set<String> sentiments, Boolean question) {
    return new InboxRule(
        name,
        queries,
        sentiments,
        question,
        null,
        Set.of(),
        null,
        Priority.NORMAL,
        List.of(),
        null);
  }

  @Test
  void lobWoEsHingehoertSoGehtServiceShownNegative53PercentDoesNotBecomeAComplaint() {
    InboxRule complaints = rule("complaints", Set.of(), Set.of("negative"), null);
    Post praise =
        post("Lob, wo es hingehört … So geht Service!", null, "de", "https://x.example/9")
            .post()
            .toBuilder()
            .labels(Map.of("sentiment", new Label("negative", 0.53, List.of("service"))))
            .build();
    assertThat(praise.labels().get("sentiment").unsure()).isTrue();
    assertThat(complaints.matches(new StoredPost(praise, List.of()), OwnChannels.NONE))
        .as("an unsure sentiment is not acted on")
        .isFalse();
    Post sure =
        praise.toBuilder()
            .labels(Map.of("sentiment", new Label("negative", Label.UNSURE_BELOW, List.of())))
            .build();
    assertThat(complaints.matches(new StoredPost(sure, List.of()), OwnChannels.NONE)).isTrue();
  }

  @Test
  void everyConditionOfARuleMustHold() {
    InboxRule complaints =
        new InboxRule(
            "complaints",
            Set.of("bahn/marke"),
            Set.of("negative"),
            null,
            null,
            Set.of("de"),
            null,
            Priority.HIGH,
            List.of("beschwerde"),
            "ana");
    StoredPost negative =
        post(
            "Die App wusste nichts, absurd.",
            "negative",
            "de",
            "https://x.example/1",
            "bahn/marke");
    assertThat(complaints.matches(negative, OwnChannels.NONE)).isTrue();
    assertThat(
            complaints.matches(
                post("Die App wusste nichts.", "negative", "de", "https://x.example/2"),
                OwnChannels.NONE))
        .as("no query matched")
        .isFalse();
    assertThat(
            complaints.matches(
                post("Danke!", "positive", "de", "https://x.example/3", "bahn/marke"),
                OwnChannels.NONE))
        .as("positive")
        .isFalse();
    assertThat(
            complaints.matches(
                post(
                    "The app knew nothing.", "negative", "en", "https://x.example/4", "bahn/marke"),
                OwnChannels.NONE))
        .as("English")
        .isFalse();
  }

  @Test
  void ownChannelsAreSourceIdsOrHostsWithTheirSubdomains() {
    OwnChannels own = new OwnChannels(List.of("bahn.example", "mastodon:@db_bahn"));
    assertThat(own.contains(post("x", null, "de", "https://www.bahn.example/blog/1").post()))
        .isTrue();
    assertThat(own.contains(post("x", null, "de", "https://notbahn.example/1").post())).isFalse();
    OwnChannels bySource = new OwnChannels(List.of("feed:https://blog.example/feed"));
    assertThat(bySource.contains(post("x", null, "de", "https://elsewhere.example/").post()))
        .isTrue();
  }

  @Test
  void matchingRulesCombine() {
    InboxRule questions =
        new InboxRule(
            "fragen",
            Set.of(),
            Set.of(),
            true,
            null,
            Set.of(),
            null,
            Priority.NORMAL,
            List.of("frage"),
            "ana");
    InboxRule negative =
        new InboxRule(
            "negativ",
            Set.of(),
            Set.of("negative"),
            null,
            null,
            Set.of(),
            null,
            Priority.URGENT,
            List.of("beschwerde", "frage"),
            "bob");
    InboxSettings settings =
        new InboxSettings(
            InboxSettings.DEFAULT_TARGET,
            InboxSettings.defaultHours(ZoneOffset.UTC),
            OwnChannels.NONE,
            List.of(questions, negative));
    InboxSettings.Triage triage =
        settings
            .triage(
                post(
                    "Warum sagt mir das keiner?",
                    "negative",
                    "de",
                    "https://x.example/5",
                    "bahn/marke"))
            .orElseThrow();
    assertThat(triage.rules()).containsExactly("fragen", "negativ");
    assertThat(triage.priority()).isEqualTo(Priority.URGENT);
    assertThat(triage.tags()).containsExactly("frage", "beschwerde");
    assertThat(triage.assignee()).isEqualTo("ana");
    assertThat(settings.triage(post("Alles gut.", "positive", "de", "https://x.example/6")))
        .isEmpty();
  }

  /**
   * A personal X archive imported into a project opened 113 items "question" for posts that matched
   * none of the project's queries: rules look only at posts relevant to the project.
   */
  @Test
  void postsThatMatchNoneOfTheProjectsQueriesNeverBecomeItems() {
    InboxRule questions =
        new InboxRule(
            "questions",
            Set.of(),
            Set.of(),
            true,
            null,
            Set.of(),
            null,
            Priority.NORMAL,
            List.of("question"),
            null);
    InboxSettings settings =
        new InboxSettings(
            InboxSettings.DEFAULT_TARGET,
            InboxSettings.defaultHours(ZoneOffset.UTC),
            new OwnChannels(List.of("bahn.example")),
            List.of(questions));
    StoredPost unrelated =
        post("Wer kommt heute Abend mit ins Kino?", null, "de", "https://x.example/8");
    assertThat(settings.isRelevant(unrelated)).isFalse();
    assertThat(settings.triage(unrelated)).as("matched no query of the project").isEmpty();
    StoredPost otherProject =
        post("Wer weiß, wann der ICE fährt?", null, "de", "https://x.example/9", "airlines/delta");
    assertThat(settings.triage(otherProject)).as("matched another project's query").isEmpty();
    StoredPost competitor =
        post("Fährt der Flixbus heute?", null, "de", "https://x.example/10", "bahn/flixbus");
    assertThat(settings.triage(competitor)).isPresent();
    StoredPost ownBlog = post("Wie geht es euch?", null, "de", "https://bahn.example/blog/1");
    assertThat(settings.triage(ownBlog)).as("written on the project's own channel").isPresent();
  }

  @Test
  void relevanceCountsOnlyWhenAModelJudged() {
    InboxRule relevant =
        new InboxRule(
            "relevant", Set.of(), Set.of(), null, null, Set.of(), 0.6, null, List.of(), null);
    StoredPost unjudged = post("x", null, "de", "https://x.example/7");
    assertThat(relevant.matches(unjudged, OwnChannels.NONE)).isTrue();
    Post judged =
        unjudged.post().toBuilder()
            .labels(Map.of("relevance", new Label("false", 0.7, List.of())))
            .build();
    assertThat(relevant.matches(new StoredPost(judged, List.of()), OwnChannels.NONE)).isFalse();
  }

  @Test
  void aRuleWithoutConditionsIsRefused() {
    assertThatThrownBy(() -> rule("alles", Set.of(), Set.of(), null))
        .hasMessage(
            "rule 'alles' needs at least one condition (query, sentiment, question, own_channel,"
                + " language, min_relevance); without one every post would become an item");
  }

  @Test
  void aPostOlderThanTheMaximumAgeWhenItComesInIsHistoryNotAConversation() {
    StoredPost post = post("Weiß jemand, ob der ICE fährt?", null, "de", "https://x.example/10");
    Instant written = post.post().published();
    InboxSettings monthly =
        new InboxSettings(
            InboxSettings.DEFAULT_TARGET,
            InboxSettings.defaultHours(ZoneOffset.UTC),
            OwnChannels.NONE,
            List.of());
    assertThat(monthly.maxPostAge()).isEqualTo(InboxSettings.DEFAULT_MAX_POST_AGE);
    assertThat(monthly.isCurrent(post, written.plus(java.time.Duration.ofDays(29)))).isTrue();
    assertThat(monthly.isCurrent(post, written.plus(java.time.Duration.ofDays(31)))).isFalse();
    InboxSettings anyAge =
        new InboxSettings(
            InboxSettings.DEFAULT_TARGET,
            InboxSettings.defaultHours(ZoneOffset.UTC),
            OwnChannels.NONE,
            List.of(),
            null);
    assertThat(anyAge.isCurrent(post, written.plus(java.time.Duration.ofDays(4000)))).isTrue();
    assertThatThrownBy(
            () ->
                new InboxSettings(
                    InboxSettings.DEFAULT_TARGET,
                    InboxSettings.defaultHours(ZoneOffset.UTC),
                    OwnChannels.NONE,
                    List.of(),
                    java.time.Duration.ZERO))
        .hasMessageContaining("max_post_age must be positive");
  }

  @Test
  void postsTheProjectsOwnAccountsWroteNeverBecomeItemsTheirCommentsDo() {
    InboxRule ownChannel =
        new InboxRule(
            "own", Set.of(), Set.of(), null, true, Set.of(), null, Priority.HIGH, List.of(), null);
    InboxSettings settings =
        new InboxSettings(
            InboxSettings.DEFAULT_TARGET,
            InboxSettings.defaultHours(ZoneOffset.UTC),
            new OwnChannels(List.of("blog.example"), List.of("@Martina_K", "DB Bahn")),
            List.of(ownChannel));
    StoredPost byHandle = post("Störung behoben.", null, "de", "https://blog.example/status");
    Post byName =
        Post.builder()
            .id("url:https://blog.example/status#c1")
            .source(byHandle.post().source())
            .author(new Author("blog:db", "db bahn", null, null))
            .url("https://blog.example/status#c1")
            .text("Danke für eure Geduld.")
            .published(Instant.parse("2026-11-16T10:00:00Z"))
            .project("bahn")
            .build();
    Post customer =
        Post.builder()
            .id("url:https://blog.example/status#c2")
            .source(byHandle.post().source())
            .author(new Author("blog:kunde", "Kunde", "kunde", null))
            .url("https://blog.example/status#c2")
            .text("Gilt die Gutschrift auch für Prepaid?")
            .published(Instant.parse("2026-11-16T10:05:00Z"))
            .project("bahn")
            .build();
    // the helper's author is "Martina K." without a handle: give it the handle the account has
    StoredPost byHandleWithHandle =
        new StoredPost(
            Post.builder()
                .id(byHandle.post().id())
                .source(byHandle.post().source())
                .author(new Author("blog:martina", "Martina K.", "martina_k", null))
                .url("https://blog.example/status")
                .text("Störung behoben.")
                .published(Instant.parse("2026-11-16T09:03:10Z"))
                .project("bahn")
                .build(),
            List.of());
    assertThat(settings.triage(byHandleWithHandle)).as("the account's handle").isEmpty();
    assertThat(settings.triage(new StoredPost(byName, List.of()))).as("its name").isEmpty();
    assertThat(settings.triage(new StoredPost(customer, List.of())))
        .as("a customer's comment on the own channel")
        .isPresent();
    assertThat(settings.triage(byHandle)).as("same name, no handle: not the account").isPresent();
  }
}
