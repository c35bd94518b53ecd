package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cluetrain.model.Post;
import org.junit.jupiter.api.Test;

/**
 * A timeline fetched from one instance names each reply's parent by that instance's local id: the
 * replies of the file join their conversations, one thread per conversation however deep.
 */
class MastodonThreadsTest {
  static final Path SAMPLE = Path.of("../examples/samples/airline-travellers.mastodon.json");

  @Test
  void repliesAcrossInstancesJoinTheirConversationInTheFile() throws Exception {
    Map<String, Post> byUri =
        FixtureReading.posts(SAMPLE).stream()
            .collect(
                Collectors.toMap(
                    p -> p.id().replaceFirst(".*/statuses/", ""), Function.identity()));
    Post first = byUri.get("200001");
    Post reply = byUri.get("200002"); // social.example answers travel.example
    Post replyToReply = byUri.get("200003");

    assertThat(first.threadId()).isEqualTo(first.id());
    assertThat(reply.parentId()).isEqualTo(first.id());
    assertThat(reply.threadId()).isEqualTo(first.id());
    assertThat(replyToReply.parentId()).isEqualTo(reply.id());
    assertThat(replyToReply.threadId()).as("the conversation's first post").isEqualTo(first.id());
    assertThat(List.of(byUri.get("200008"), byUri.get("200009")))
        .allSatisfy(p -> assertThat(p.parentId()).isEqualTo(byUri.get("200007").id()));
  }
}
