package org.cluetrain.app.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.cluetrain.json.Json;

/**
 * How a command finds the server that holds its data directory, and proves that it may act on that
 * directory's data. While {@code serve} runs it keeps a file {@value #FILE_NAME} beside the
 * directory's lock with its address and its operator key ({@link AccessControl#operatorKey()}),
 * readable only by the directory's owner: whoever can read it could equally stop the server and
 * open the directory, so it gives nothing the reader did not have. The key dies with the process,
 * so a stale file left by a crash lets nobody in.
 *
 * @param url where the server answers, e.g. {@code http://127.0.0.1:8080/}
 * @param operatorKey the bearer secret that acts as the server's operator
 * @param pid the server's process id, for messages
 */
public record RunningServer(URI url, String operatorKey, long pid) {
  public static final String FILE_NAME = "server.json";

  /** Writes the file for this server, replacing one a crashed server left behind. */
  public void publish(Path dataDir) throws IOException {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("url", url.toString());
    json.put("operator_key", operatorKey);
    json.put("pid", pid);
    Path target = dataDir.resolve(FILE_NAME);
    Path temp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, Json.mapper().writeValueAsString(json));
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Removes the file when the server stops. */
  public static void withdraw(Path dataDir) throws IOException {
    Files.deleteIfExists(dataDir.resolve(FILE_NAME));
  }

  /**
   * The server that announced itself in the data directory, if its file is there and readable.
   * Whether it still runs is for the caller to find out by asking it.
   */
  public static Optional<RunningServer> find(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode json = Json.mapper().readTree(Files.readString(file));
    if (json == null || !json.hasNonNull("url") || !json.hasNonNull("operator_key")) {
      throw new IOException(file + ": not a running server's file (no url or operator_key)");
    }
    return Optional.of(
        new RunningServer(
            URI.create(json.get("url").asText()),
            json.get("operator_key").asText(),
            json.path("pid").asLong(-1)));
  }
}
