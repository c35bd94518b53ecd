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
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.net.RefusedAddressException;
import org.cluetrain.ingest.SourceHealth.State;
import org.jspecify.annotations.Nullable;

/**
 * One conditional GET of a feed, turned into a {@link FetchOutcome}. Knows HTTP, nothing about
 * scheduling: politeness and back-off are the poller's business.
 *
 * <p>Redirects are followed here rather than by the HTTP client, so that the {@link AddressPolicy}
 * judges every address before it is connected to: the feed's own and each redirect's target.
 */
final class FeedFetcher {
  /** The most redirects followed for one fetch, as browsers and the JDK's client do. */
  static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final AddressPolicy addresses;
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
      AddressPolicy addresses,
      Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.addresses = addresses;
    this.userAgent = userAgent;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  FetchOutcome fetch(URI uri, @Nullable String etag, @Nullable String lastModified)
      throws InterruptedException {
    List<String> moves = new ArrayList<>();
    URI current = uri;
    for (int hop = 0; ; hop++) {
      try {
        // resolved now, right before connecting: the client's connection finds the same
        // addresses in the JVM's address cache
        addresses.check(current);
      } catch (RefusedAddressException refused) {
        return new FetchOutcome.Failure(
            State.FAILING,
            "failing: " + uri + " (" + refusal(uri, current, refused) + ")",
            null,
            moves);
      } catch (UnknownHostException unknown) {
        return unreachable(uri, "host not found", moves);
      }
      HttpResponse<byte[]> response;
      try {
        response = exchange(current, etag, lastModified);
      } catch (TimeoutException slowBody) {
        return unreachable(uri, "timed out after " + HumanUnits.duration(requestTimeout), moves);
      } catch (ExecutionException failed) {
        return failure(uri, Objects.requireNonNullElse(failed.getCause(), failed), moves);
      }
      Optional<URI> next = redirectTarget(current, response);
      if (next.isEmpty() || hop >= MAX_REDIRECTS) {
        return outcome(uri, response, moves);
      }
      int status = response.statusCode();
      if (status == 301 || status == 308) {
        moves.add("moved permanently: " + current + " → " + next.get());
      }
      current = next.get();
    }
  }

  /** What a refusal says: the address, and the redirect that led there if one did. */
  private static String refusal(URI feed, URI refusedUri, RefusedAddressException refused) {
    return "refused"
        + (refusedUri.equals(feed) ? "" : " redirect to " + refusedUri)
        + ": "
        + refused.reason();
  }

  private HttpResponse<byte[]> exchange(
      URI uri, @Nullable String etag, @Nullable String lastModified)
      throws InterruptedException, ExecutionException, TimeoutException {
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
    try {
      // the request time-out of HttpRequest ends when the headers arrive; this one covers the body
      return exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      exchange.cancel(true);
      throw e;
    }
  }

  /**
   * Where a redirect leads, if it is one to follow: never from https down to http, as the client's
   * own redirect policy does not either.
   */
  private static Optional<URI> redirectTarget(URI current, HttpResponse<?> response) {
    int status = response.statusCode();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      return Optional.empty();
    }
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty()) {
      return Optional.empty();
    }
    URI target;
    try {
      target = current.resolve(location.get().strip());
    } catch (IllegalArgumentException unusable) {
      return Optional.empty();
    }
    if ("https".equalsIgnoreCase(current.getScheme())
        && !"https".equalsIgnoreCase(target.getScheme())) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
    if (info.statusCode() / 100 != 2) {
      // error pages are not read: only the status matters
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new BoundedBodySubscriber(maxBodyBytes, declared);
  }

  private FetchOutcome outcome(URI uri, HttpResponse<byte[]> response, List<String> moves) {
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

  private FetchOutcome failure(URI uri, Throwable failure, List<String> moves) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return new FetchOutcome.Failure(
            State.FAILING, "failing: " + uri + " (" + tooLarge.getMessage() + ")", null, moves);
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return unreachable(
            uri, "connect timed out after " + HumanUnits.duration(connectTimeout), moves);
      }
      if (cause instanceof HttpTimeoutException) {
        return unreachable(uri, "timed out after " + HumanUnits.duration(requestTimeout), moves);
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return unreachable(uri, "host not found", moves);
      }
      if (cause instanceof NoRouteToHostException) {
        return unreachable(uri, "no route to host", moves);
      }
      if (cause instanceof ConnectException) {
        return unreachable(uri, "connection refused", moves);
      }
      if (cause instanceof SSLException) {
        // the host answered, but not in a way we can trust: a configuration problem, not an outage
        return new FetchOutcome.Failure(
            State.FAILING,
            "failing: " + uri + " (TLS failed: " + describe(cause) + ")",
            null,
            moves);
      }
    }
    return unreachable(uri, describe(failure), moves);
  }

  private static FetchOutcome unreachable(URI uri, String why, List<String> moves) {
    return new FetchOutcome.Failure(
        State.UNREACHABLE, "unreachable: " + uri + " (" + why + ")", null, moves);
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : message.strip();
  }
}
