package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cluetrain.privacy.PseudonymStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link PseudonymStore}: a pseudonym's sealed identity is kept once (the
 * first stays), survives a reopen, is listed, and is gone once forgotten.
 */
public abstract class PseudonymStoreCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the pseudonym store whose data lives in {@code directory}: empty the first time, the same
   * data when opened again after the previous one was closed.
   */
  protected abstract OpenStore<PseudonymStore> open(Path directory);

  @Test
  void sealedIdentitiesAreKeptOnceListedAndForgotten() throws Exception {
    try (OpenStore<PseudonymStore> pseudonyms = open(directory)) {
      pseudonyms.store().remember("pseudonym:a1", "sealed-1");
      pseudonyms.store().remember("pseudonym:a1", "sealed-other");
      pseudonyms.store().remember("pseudonym:b2", "sealed-2");
    }
    try (OpenStore<PseudonymStore> pseudonyms = open(directory)) {
      assertThat(pseudonyms.store().sealed("pseudonym:a1")).hasValue("sealed-1");
      assertThat(pseudonyms.store().sealed("pseudonym:zz")).isEmpty();
      assertThat(pseudonyms.store().allSealed())
          .isEqualTo(Map.of("pseudonym:a1", "sealed-1", "pseudonym:b2", "sealed-2"));
      assertThat(pseudonyms.store().forget(List.of("pseudonym:a1", "pseudonym:zz"))).isEqualTo(1);
      assertThat(pseudonyms.store().sealed("pseudonym:a1")).isEmpty();
      assertThat(pseudonyms.store().allSealed()).containsOnlyKeys("pseudonym:b2");
    }
  }
}
