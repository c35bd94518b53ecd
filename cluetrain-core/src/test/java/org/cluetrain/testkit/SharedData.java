package org.cluetrain.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world test data shared beside the project ({@code ../shared/data}). Tests that read it
 * are skipped, saying so, when it is not present; it is never copied into the repository.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data folder, or a skipped test when it is missing. */
  public static Path root() {
    Path root = locate();
    assumeTrue(root != null, "skipped: shared data not present");
    return root;
  }

  /** A path below the shared data folder, or a skipped test when it is missing. */
  public static Path path(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), "skipped: shared data not present (" + relative + ")");
    return path;
  }

  private static Path locate() {
    String configured = System.getProperty("cluetrain.shared.data");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/data").normalize();
      if (Files.isDirectory(candidate.resolve("fixtures"))) {
        return candidate;
      }
    }
    return null;
  }
}
