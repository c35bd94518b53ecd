package org.cluetrain.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.cluetrain.inbox.InboxRule;
import org.cluetrain.inbox.InboxSettings;
import org.cluetrain.inbox.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceInboxTest {
  @TempDir Path dir;

  Path write(String yaml) throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static final String PROJECT =
      """
      projects:
        - name: bahn
          queries:
            - name: marke
              query: '"deutsche bahn"'
      """;

  @Test
  void readsTheInboxSection() throws Exception {
    Workspace workspace =
        WorkspaceReader.read(
            write(
                PROJECT
                    + """
                        inbox:
                          respond_within: 1h30m
                          business_hours: mo-fr 08:00-18:00 Europe/Berlin
                          own_channels: [bahn.example, "mastodon:@db_bahn"]
                          max_post_age: 8w
                          rules:
                            - name: beschwerden
                              query: marke
                              sentiment: [negative, neutral]
                              language: de
                              min_relevance: 0.5
                              priority: urgent
                              tags: [beschwerde, app]
                              assignee: ana
                            - name: fragen
                              question: true
                              own_channel: false
                    """));
    InboxSettings inbox = workspace.project("bahn").orElseThrow().inbox();
    assertThat(inbox.respondWithin()).isEqualTo(Duration.ofMinutes(90));
    assertThat(inbox.hours()).hasToString("mon-fri 08:00-18:00 Europe/Berlin");
    assertThat(inbox.ownChannels().entries()).containsExactly("bahn.example", "mastodon:@db_bahn");
    assertThat(inbox.maxPostAge()).isEqualTo(Duration.ofDays(56));
    InboxRule complaints = inbox.rules().get(0);
    assertThat(complaints.queries()).containsExactly("bahn/marke");
    assertThat(complaints.sentiments()).containsExactlyInAnyOrder("negative", "neutral");
    assertThat(complaints.minRelevance()).isEqualTo(0.5);
    assertThat(complaints.priority()).isEqualTo(Priority.URGENT);
    assertThat(complaints.tags()).containsExactly("beschwerde", "app");
    assertThat(complaints.assignee()).isEqualTo("ana");
    InboxRule questions = inbox.rules().get(1);
    assertThat(questions.question()).isTrue();
    assertThat(questions.ownChannel()).isFalse();
    assertThat(questions.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void withoutAnInboxSectionTheDefaultsHold() throws Exception {
    InboxSettings inbox =
        WorkspaceReader.read(write(PROJECT)).project("bahn").orElseThrow().inbox();
    assertThat(inbox.rules()).isEmpty();
    assertThat(inbox.respondWithin()).isEqualTo(Duration.ofHours(4));
    assertThat(inbox.hours().zone()).isEqualTo(ZoneId.systemDefault());
    assertThat(inbox.hours().length()).isEqualTo(Duration.ofHours(8));
    assertThat(inbox.maxPostAge()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void postsOfAnyAgeAreLetInOnlyWhenTheWorkspaceSaysSo() throws Exception {
    String any = PROJECT + "    inbox:\n      max_post_age: none\n";
    assertThat(WorkspaceReader.read(write(any)).project("bahn").orElseThrow().inbox().maxPostAge())
        .isNull();
    Path wrong = write(PROJECT + "    inbox:\n      max_post_age: a while\n");
    assertThatThrownBy(() -> WorkspaceReader.read(wrong))
        .hasMessageContaining(
            wrong + ":7: 'a while' is not an age such as 12h, 30d, 8w or 2y, or none");
  }

  @Test
  void everyProblemIsReportedWithItsLine() throws Exception {
    Path file =
        write(
            PROJECT
                + """
                    inbox:
                      respond_within: 1d
                      business_hours: weekdays
                      rules:
                        - name: a
                          query: marken
                          sentiment: angry
                          priority: asap
                          tags: [Beschwerde]
                        - name: b
                          question: maybe
                        - name: c
                          priority: high
                        - name: d
                          language: de
                        - name: d
                          language: en
                          colour: red
                """);
    assertThatThrownBy(() -> WorkspaceReader.read(file))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining(
            file + ":7: '1d' is not a response time in business hours such as 30m, 4h or 1h30m")
        .hasMessageContaining(file + ":8: business hours 'weekdays' should look like")
        .hasMessageContaining(
            file + ":11: inbox rule 'a': the project has no query 'marken'; it has marke")
        .hasMessageContaining(
            file + ":12: sentiment 'angry' is not one of negative, neutral, positive")
        .hasMessageContaining(file + ":13: priority 'asap' is not one of low, normal, high, urgent")
        .hasMessageContaining(file + ":14: tag 'Beschwerde' must be lower-case")
        .hasMessageContaining(file + ":16: question must be true or false, was 'maybe'")
        .hasMessageContaining(file + ":17: rule 'c' needs at least one condition")
        .hasMessageContaining(file + ":23: unknown key 'colour' in an inbox rule")
        .hasMessageContaining(file + ":21: inbox rule 'd' is declared twice in the project");
  }
}
