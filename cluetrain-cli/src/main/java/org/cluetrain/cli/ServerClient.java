package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.RunningServer;
import org.cluetrain.json.Json;

/**
 * A command's way to the server that holds its data directory: found through the directory's {@link
 * RunningServer} file, and authorised by the operator key in it, so the same command line works
 * whether or not {@code serve} runs.
 */
final class ServerClient {
  private final RunningServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerClient(RunningServer server) {
    this.server = server;
  }

  /**
   * The server holding the directory, or the refusal itself when no server announced itself there
   * (another command holds it).
   */
  static ServerClient holding(EmbeddedRuntime.InUseException inUse) throws IOException {
    Optional<RunningServer> found;
    try {
      found = RunningServer.find(inUse.dataDir());
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IOException(
          inUse.getMessage()
              + "; it is a server, but you may not read "
              + e.getFile()
              + ": run the command as the user who runs the server",
          e);
    }
    if (found.isEmpty()) {
      throw inUse;
    }
    return new ServerClient(found.get());
  }

  RunningServer server() {
    return server;
  }

  JsonNode get(String path) throws IOException {
    return send(request(path).GET().build());
  }

  /** The body of a text answer (an export) as it is, not read as JSON. */
  String getText(String path) throws IOException {
    HttpRequest request = request(path).setHeader("Accept", "*/*").GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server", e);
    }
    if (response.statusCode() >= 400) {
      JsonNode json = parse(response.body());
      throw new ServerRefused(
          response.statusCode(),
          "the server refused: "
              + (json.hasNonNull("error")
                  ? json.get("error").asText()
                  : "HTTP " + response.statusCode()));
    }
    return response.body();
  }

  /** Copies the body of an answer (an export, perhaps binary) onto {@code out} as it arrives. */
  void download(String path, java.io.OutputStream out) throws IOException {
    HttpRequest request = request(path).setHeader("Accept", "*/*").GET().build();
    HttpResponse<java.io.InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server", e);
    }
    try (java.io.InputStream body = response.body()) {
      if (response.statusCode() >= 400) {
        JsonNode json = parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        throw new ServerRefused(
            response.statusCode(),
            "the server refused: "
                + (json.hasNonNull("error")
                    ? json.get("error").asText()
                    : "HTTP " + response.statusCode()));
      }
      body.transferTo(out);
    }
  }

  /** Sends a file as the request body, streamed from disk. */
  JsonNode postFile(String path, Path file) throws IOException {
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new IOException(file + ": no such file", e);
    }
    return send(
        request(path).header("Content-Type", "application/octet-stream").POST(body).build());
  }

  /** Sends a JSON body. */
  JsonNode postJson(String path, Object body) throws IOException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
            .build());
  }

  /** Sends an empty POST, for actions named by the path. */
  JsonNode post(String path) throws IOException {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /**
   * The running server's only project, as a local command would choose the workspace's.
   *
   * @param what what the command does with it, for the message when there are several
   */
  String onlyProject(String what) throws IOException {
    List<String> names = new ArrayList<>();
    get("/api/projects").forEach(p -> names.add(p.path("name").asText()));
    if (names.size() != 1) {
      throw new IllegalArgumentException(
          "the running server " + what + " a project: name one with --project; it has " + names);
    }
    return names.get(0);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(
            server.url().resolve(path.startsWith("/") ? path.substring(1) : path))
        .timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + server.operatorKey())
        .header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(
          "the data directory is held by the Cluetrain server (process "
              + server.pid()
              + "), but it does not answer at "
              + server.url()
              + "; is it still starting, or stopped without releasing the directory?",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the server", e);
    }
    JsonNode json = response.body().isBlank() ? null : parse(response.body());
    if (response.statusCode() >= 400) {
      String error =
          json != null && json.hasNonNull("error")
              ? json.get("error").asText()
              : json != null && json.hasNonNull("title")
                  ? json.get("title").asText()
                  : "HTTP " + response.statusCode();
      throw new ServerRefused(response.statusCode(), "the server refused: " + error);
    }
    return json == null ? Json.mapper().nullNode() : json;
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(body);
    }
  }

  /** The server answered with an error status; the message is the server's. */
  static final class ServerRefused extends IOException {
    private final int status;

    ServerRefused(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
