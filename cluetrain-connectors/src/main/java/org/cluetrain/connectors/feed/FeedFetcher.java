package org.cluetrain.connectors.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import org.cluetrain.connectors.feed.BoundedBodySubscriber.BodyTooLargeException;
import org.cluetrain.ingest.SourceHealth.State;
import org.jspecify.annotations.Nullable;

/**
 * One conditional GET of a feed, turned into a {@link FetchOutcome}. Knows HTTP, nothing about
 * scheduling: politeness and back-off are the poller's business.
 */
final class FeedFetcher {
  private final HttpClient client;
  private final String userAgent;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxBodyBytes;
  private final Clock clock;

  FeedFetcher(
      String userAgent,
      Duration connectTimeout,
      Duration requestTimeout,
      long maxBodyBytes,
      Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // NORMAL never downgrades https to http
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.userAgent = userAgent;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  FetchOutcome fetch(URI uri, @Nullable String etag, @Nullable String lastModified)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(requestTimeout)
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", "gzip")
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/feed+json,"
                    + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request.build(), this::bodyFor);
    HttpResponse<byte[]> response;
    try {
      // the request time-out of HttpRequest ends when the headers arrive; this one covers the body
      response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slowBody) {
      exchange.cancel(true);
      return unreachable(uri, "timed out after " + HumanUnits.duration(requestTimeout));
    } catch (InterruptedException interrupted) {
      exchange.cancel(true);
      throw interrupted;
    } catch (ExecutionException failed) {
      return failure(uri, Objects.requireNonNullElse(failed.getCause(), failed));
    }
    return outcome(uri, response);
  }

  private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
    if (info.statusCode() / 100 != 2) {
      // error pages are not read: only the status matters
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new BoundedBodySubscriber(maxBodyBytes, declared);
  }

  private FetchOutcome outcome(URI uri, HttpResponse<byte[]> response) {
    List<String> moves = permanentMoves(response);
    int status = response.statusCode();
    String etag = response.headers().firstValue("ETag").orElse(null);
    String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    if (status == 304) {
      return new FetchOutcome.NotModified(etag, lastModified, moves);
    }
    if (status / 100 == 2) {
      byte[] body;
      try {
        body = decode(response);
      } catch (IOException unreadable) {
        return new FetchOutcome.Failure(
            State.FAILING, "failing: " + uri + " (" + describe(unreadable) + ")", null, moves);
      }
      String contentType = response.headers().firstValue("Content-Type").orElse(null);
      return new FetchOutcome.Content(body, contentType, response.uri(), etag, lastModified, moves);
    }
    String problem = "HTTP " + status + HttpStatusNames.suffix(status);
    @Nullable Instant retryAfter = null;
    if (status == 429 || status == 503) {
      Instant now = clock.instant();
      Optional<Instant> until =
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), now);
      if (until.isPresent()) {
        retryAfter = until.get();
        problem += "; rate limited by host until " + retryAfter;
      }
    } else if (status / 100 == 3) {
      problem +=
          "; redirect not followed"
              + response.headers().firstValue("Location").map(l -> " to " + l).orElse("");
    }
    return new FetchOutcome.Failure(
        State.FAILING, "failing: " + uri + " (" + problem + ")", retryAfter, moves);
  }

  /** Undoes {@code Content-Encoding: gzip}, keeping the size limit on what it inflates to. */
  private byte[] decode(HttpResponse<byte[]> response) throws IOException {
    String encoding =
        response
            .headers()
            .firstValue("Content-Encoding")
            .orElse("")
            .strip()
            .toLowerCase(Locale.ROOT);
    byte[] body = response.body();
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
      byte[] chunk = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(chunk)) > 0; ) {
        total += n;
        if (total > maxBodyBytes) {
          throw new BodyTooLargeException(maxBodyBytes);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static List<String> permanentMoves(HttpResponse<?> response) {
    List<String> moves = new ArrayList<>();
    URI next = response.uri();
    for (Optional<? extends HttpResponse<?>> previous = response.previousResponse();
        previous.isPresent();
        previous = previous.get().previousResponse()) {
      HttpResponse<?> hop = previous.get();
      if (hop.statusCode() == 301 || hop.statusCode() == 308) {
        moves.add(0, "moved permanently: " + hop.uri() + " → " + next);
      }
      next = hop.uri();
    }
    return moves;
  }

  private FetchOutcome failure(URI uri, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return new FetchOutcome.Failure(
            State.FAILING, "failing: " + uri + " (" + tooLarge.getMessage() + ")", null, List.of());
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return unreachable(uri, "connect timed out after " + HumanUnits.duration(connectTimeout));
      }
      if (cause instanceof HttpTimeoutException) {
        return unreachable(uri, "timed out after " + HumanUnits.duration(requestTimeout));
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return unreachable(uri, "host not found");
      }
      if (cause instanceof NoRouteToHostException) {
        return unreachable(uri, "no route to host");
      }
      if (cause instanceof ConnectException) {
        return unreachable(uri, "connection refused");
      }
      if (cause instanceof SSLException) {
        // the host answered, but not in a way we can trust: a configuration problem, not an outage
        return new FetchOutcome.Failure(
            State.FAILING,
            "failing: " + uri + " (TLS failed: " + describe(cause) + ")",
            null,
            List.of());
      }
    }
    return unreachable(uri, describe(failure));
  }

  private static FetchOutcome unreachable(URI uri, String why) {
    return new FetchOutcome.Failure(
        State.UNREACHABLE, "unreachable: " + uri + " (" + why + ")", null, List.of());
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : message.strip();
  }
}
