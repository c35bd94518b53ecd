package org.cluetrain.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static Properties load(String part, String language) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        Messages.class.getResourceAsStream(
            "/org/cluetrain/web/i18n/" + part + "_" + language + ".properties")) {
      if (in != null) {
        properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return properties;
  }

  @Test
  void everyTextExistsInEveryLanguageAndInOnePartOnly() throws Exception {
    java.util.Map<Object, String> owner = new java.util.HashMap<>();
    for (String part : Messages.BUNDLES) {
      Properties english = load(part, "en");
      Properties german = load(part, "de");
      assertThat(german.keySet()).as(part).containsExactlyInAnyOrderElementsOf(english.keySet());
      for (Object key : english.keySet()) {
        assertThat(owner.put(key, part)).as(key + " in " + part).isNull();
      }
    }
    assertThat(load("common", "en")).isNotEmpty();
  }

  @Test
  void theBrowsersLanguageIsUsedWhenSupported() {
    assertThat(Messages.fromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).isEqualTo("de");
    assertThat(Messages.fromAcceptLanguage("fr-FR,fr;q=0.9")).isEqualTo("en");
    assertThat(Messages.fromAcceptLanguage("fr,en-GB;q=0.5")).isEqualTo("en");
    assertThat(Messages.fromAcceptLanguage("@@@")).isEqualTo("en");
    assertThat(Messages.of("de").get("nav.overview")).isEqualTo("Überblick");
    assertThat(Messages.of("de").get("time.minutes_ago", 5)).isEqualTo("vor 5 Min.");
  }
}
