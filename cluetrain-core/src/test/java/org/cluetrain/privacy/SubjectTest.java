package org.cluetrain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cluetrain.model.Author;
import org.junit.jupiter.api.Test;

class SubjectTest {
  private static final Author ANNA =
      new Author("x:4242", "Anna Berg", "anna_b", "https://x.com/anna_b/");

  @Test
  void anAuthorIsFoundByHandleNameIdOrProfileAddressInAnyUsualForm() {
    for (String given :
        List.of(
            "@anna_b",
            "ANNA_B",
            "anna berg",
            "x:4242",
            "4242",
            "https://x.com/anna_b",
            "http://www.x.com/anna_b",
            "x.com/anna_b/")) {
      assertThat(new Subject(given).matches(ANNA)).as(given).isTrue();
    }
    assertThat(new Subject("anna").matches(ANNA)).isFalse();
    assertThat(new Subject("anna_b").matches(null)).isFalse();
    assertThat(
            new Subject("jane@example.org")
                .matches(new Author("mail:jane@example.org", "Jane", null, null)))
        .isTrue();
  }

  @Test
  void anEmptySubjectIsRefusedSayingWhatIsNeeded() {
    assertThatThrownBy(() -> new Subject("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handle, name, profile URL or e-mail address");
  }

  @Test
  void identifiersAreRedactedInAnyCaseLongestFirst() {
    List<String> identifiers = new Subject("@anna_b").identifiers(List.of(ANNA));
    assertThat(identifiers).contains("Anna Berg", "anna_b", "x.com/anna_b/", "4242");
    assertThat(identifiers.get(0)).isEqualTo("https://x.com/anna_b/");
    assertThat(Subject.redact("Danke, ANNA BERG (@Anna_B) – https://x.com/anna_b/", identifiers))
        .isEqualTo("Danke, [erased] (@[erased]) – [erased]");
    assertThat(Subject.mentions("hallo anna_b", identifiers)).isTrue();
    assertThat(Subject.mentions("hallo anna", identifiers)).isFalse();
    // too short to redact safely from everyone's texts
    assertThat(new Subject("Jo").identifiers(List.of(new Author("f:jo", "Jo", null, null))))
        .isEmpty();
  }
}
