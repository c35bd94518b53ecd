package org.cluetrain.connectors.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.connectors.net.AddressPolicy;

/**
 * An API on loopback for the connectors' tests: answers by request (path and query, as sent), an
 * empty {@code 404} for the rest; failures queued with {@link #fail} are answered first, {@code
 * 429} with {@code Retry-After}. Every request is kept in order.
 */
public final class ApiReplayServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
  private final Map<String, String> headers = new ConcurrentHashMap<>();

  /** The requests, as {@code /path?query}. */
  public final List<String> requests = new CopyOnWriteArrayList<>();

  public ApiReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A client allowed to reach loopback, with no pause between requests. */
  public static ApiClient client(Clock clock) {
    return new ApiClient(
        ApiClient.Settings.DEFAULT
            .withAddresses(AddressPolicy.allowing(List.of("127.0.0.1")))
            .withHostDelay(Duration.ZERO),
        clock);
  }

  /** Answers this request ({@code /path?query}, exactly as sent) with this body. */
  public void answer(String request, String body) {
    answers.put(request, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers the next request with this status. */
  public void fail(int status) {
    failures.add(new Failure(status, new byte[0]));
  }

  /** Answers the next request with this status and body (an API's error document). */
  public void fail(int status, String body) {
    failures.add(new Failure(status, body.getBytes(StandardCharsets.UTF_8)));
  }

  private record Failure(int status, byte[] body) {}

  /** Sends this header with every answer. */
  public void header(String name, String value) {
    headers.put(name, value);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String request =
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      requests.add(request);
      headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      Failure failure = failures.poll();
      byte[] body = failure == null ? answers.get(request) : failure.body();
      int status = failure != null ? failure.status() : body == null ? 404 : 200;
      if (status == 429) {
        exchange.getResponseHeaders().add("Retry-After", "600");
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (body == null || body.length == 0) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
