package org.cluetrain.connectors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on the loopback interface that answers per path as a test says, and records
 * every request it got: headers, and when its handling started and ended.
 */
final class FeedServer implements AutoCloseable {

  /** Answers one request. */
  @FunctionalInterface
  interface Responder {
    void respond(HttpExchange exchange) throws IOException, InterruptedException;
  }

  /** A request as the server saw it on arrival. */
  record Request(String path, Headers headers) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /**
   * When the server handled a request, on {@link System#nanoTime()}: from arrival until its
   * response was written, which is before the client can have read all of it.
   */
  record Visit(String path, long startNanos, long endNanos) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Responder> responders = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Visit> visits = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  private FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static FeedServer start() {
    try {
      return new FeedServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FeedServer on(String path, Responder responder) {
    responders.put(path, responder);
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /**
   * The finished visits, in order of completion. Waits a little for handlers still finishing their
   * bookkeeping after the client already has its answer.
   */
  List<Visit> visits() throws InterruptedException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (visits.size() < requests.size() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return List.copyOf(visits);
  }

  /** The most requests that were being handled at the same time. */
  int mostInFlight() {
    return mostInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    String path = exchange.getRequestURI().getPath();
    // recorded on arrival: the client may have its answer before this handler returns
    requests.add(new Request(path, exchange.getRequestHeaders()));
    try (exchange) {
      Responder responder = responders.get(path);
      if (responder == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        responder.respond(exchange);
      }
      visits.add(new Visit(path, start, System.nanoTime()));
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGaveUp) {
      // the poller abandoned the request (time-out, size limit): nothing to answer
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Sends a body, declaring its length or (when chunked) not. */
  static void send(HttpExchange exchange, int status, byte[] body, boolean chunked)
      throws IOException {
    exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
