package org.cluetrain.connectors.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cluetrain.connectors.feed.BoundedBodySubscriber;
import org.cluetrain.connectors.feed.HostLanes;
import org.cluetrain.connectors.feed.HttpStatusNames;
import org.cluetrain.connectors.feed.HumanUnits;
import org.cluetrain.connectors.feed.RetryAfter;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.net.RefusedAddressException;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.SourceFailure;
import org.jspecify.annotations.Nullable;

/**
 * The polite HTTP client of the live connectors' JSON APIs. Every request's address is checked by
 * the {@link AddressPolicy} before connecting (redirects are not followed: an API that redirects is
 * misconfigured), one request at a time goes to a host with a pause between, a body larger than the
 * limit ends the request, and the host's wishes are kept: {@code Retry-After} on {@code 429} and
 * {@code 503}, and {@code X-RateLimit-Remaining: 0} until {@code X-RateLimit-Reset} (seconds, as
 * Reddit sends it, or a time, as Mastodon does), and the same of {@code RateLimit-*} (Bluesky) hold
 * every further request to that host back without sending it. A {@code 403} whose body gives a
 * Google API's reason for a spent quota ({@code quotaExceeded}) holds the host back until the quota
 * starts again, at midnight Pacific time, and is a rate limit, not refused credentials.
 *
 * <p>Every failure is a {@link SourceFailure} whose reason is what the gap ledger records.
 */
public final class ApiClient {
  /** A reset given as a number above this is a time (seconds since 1970), not a wait (2001). */
  private static final double EPOCH_SECONDS_FROM = 1_000_000_000;

  /** The most of a {@code 403}'s body read for its reason. */
  private static final long ERROR_BODY_BYTES = 64 * 1024;

  private static final java.time.ZoneId PACIFIC = java.time.ZoneId.of("America/Los_Angeles");
  private static final java.util.regex.Pattern QUOTA_REASON =
      java.util.regex.Pattern.compile(
          "\"reason\"\\s*:\\s*\"(quotaExceeded|rateLimitExceeded|userRateLimitExceeded"
              + "|dailyLimitExceeded)\"");

  /** Settings; every one has a default suited to public APIs. */
  public record Settings(
      String userAgent,
      Duration connectTimeout,
      Duration requestTimeout,
      long maxBodyBytes,
      Duration hostDelay,
      AddressPolicy addresses) {
    public static final Settings DEFAULT =
        new Settings(
            "Cluetrain/dev (social listening; polls at most once per declared interval)",
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            10L * 1024 * 1024,
            Duration.ofSeconds(1),
            AddressPolicy.publicOnly());

    public Settings withAddresses(AddressPolicy addresses) {
      return new Settings(
          userAgent, connectTimeout, requestTimeout, maxBodyBytes, hostDelay, addresses);
    }

    public Settings withHostDelay(Duration hostDelay) {
      return new Settings(
          userAgent, connectTimeout, requestTimeout, maxBodyBytes, hostDelay, addresses);
    }
  }

  private final HttpClient client;
  private final Settings settings;
  private final HostLanes lanes;
  private final Clock clock;

  /** Hosts that asked us to wait, and until when. */
  private final Map<String, Instant> resting = new ConcurrentHashMap<>();

  public ApiClient(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.lanes = new HostLanes(settings.hostDelay());
  }

  /** The settings this client was made with. */
  public Settings settings() {
    return settings;
  }

  /**
   * GET, with these headers (an {@code Authorization} among them, say); a header named here
   * replaces the default one ({@code Accept: application/json}).
   */
  public ApiResponse get(URI uri, Map<String, String> headers)
      throws SourceFailure, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET(), uri, headers);
  }

  /** POST of a form ({@code application/x-www-form-urlencoded}). */
  public ApiResponse postForm(URI uri, Map<String, String> headers, String form)
      throws SourceFailure, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .header("Content-Type", "application/x-www-form-urlencoded");
    return send(request, uri, headers);
  }

  /**
   * Reads a stream of server-sent events until it ends, handing each event to the sink; returns
   * when the host closes the stream, throws when it cannot be opened or breaks. Events larger than
   * the body limit break the stream.
   *
   * @param sink takes {@code (event name, data)}; answers false to stop reading
   */
  public void events(URI uri, Map<String, String> headers, EventSink sink)
      throws SourceFailure, InterruptedException {
    String host = hostOf(uri);
    checkResting(uri, host);
    checkAddress(uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
    headers.forEach(request::header);
    request.header("User-Agent", settings.userAgent());
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException failed) {
      throw unreachable(uri, failed);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw failure(uri, host, response.statusCode(), response.headers());
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String event = "message";
      StringBuilder data = new StringBuilder();
      for (String line; (line = lines.readLine()) != null; ) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        if (line.isEmpty()) {
          if (data.length() > 0 && !sink.accept(event, data.toString())) {
            return;
          }
          event = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
          if (data.length() > settings.maxBodyBytes()) {
            throw new SourceFailure(
                GapReason.PAGE_UNPARSEABLE,
                uri
                    + ": an event larger than the "
                    + HumanUnits.bytes(settings.maxBodyBytes())
                    + " limit");
          }
        }
        // comments (":thump") keep the connection alive and say nothing
      }
    } catch (IOException broken) {
      throw unreachable(uri, broken);
    }
  }

  /**
   * Reads the text messages of a WebSocket ({@code ws:} or {@code wss:}) until the sink says stop,
   * the host closes it, or no message comes for {@code idle}; the address is checked as an {@code
   * http(s)} one would be. A message larger than the body limit ends the connection as an
   * unparseable page; a connection that cannot be opened or breaks is a failure, and the sink has
   * then had every message that arrived before.
   *
   * @param sink takes each message; answers false to stop reading
   */
  public void messages(URI uri, Duration idle, MessageSink sink)
      throws SourceFailure, InterruptedException {
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new SourceFailure(GapReason.REQUEST_REFUSED, uri + ": not a ws(s) address");
    }
    URI asHttp =
        URI.create(
            (scheme.equals("ws") ? "http" : "https") + uri.toString().substring(scheme.length()));
    String host = hostOf(asHttp);
    checkResting(uri, host);
    checkAddress(asHttp);
    java.util.concurrent.BlockingQueue<Object> inbox =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Object closed = new Object();
    java.net.http.WebSocket.Listener listener =
        new java.net.http.WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public void onOpen(java.net.http.WebSocket socket) {
            // every message is taken as it comes: none waits for demand when the connection ends
            socket.request(Long.MAX_VALUE);
          }

          @Override
          public java.util.concurrent.@Nullable CompletionStage<?> onText(
              java.net.http.WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (partial.length() > settings.maxBodyBytes()) {
              inbox.add(
                  new SourceFailure(
                      GapReason.PAGE_UNPARSEABLE,
                      uri
                          + ": a message larger than the "
                          + HumanUnits.bytes(settings.maxBodyBytes())
                          + " limit"));
              socket.abort();
              return null;
            }
            if (last) {
              inbox.add(partial.toString());
              partial.setLength(0);
            }
            return null;
          }

          @Override
          public java.util.concurrent.@Nullable CompletionStage<?> onClose(
              java.net.http.WebSocket socket, int statusCode, String reason) {
            inbox.add(closed);
            return null;
          }

          @Override
          public void onError(java.net.http.WebSocket socket, Throwable error) {
            inbox.add(unreachable(uri, error));
          }
        };
    java.net.http.WebSocket socket;
    try {
      socket =
          client
              .newWebSocketBuilder()
              .connectTimeout(settings.connectTimeout())
              .header("User-Agent", settings.userAgent())
              .buildAsync(uri, listener)
              .get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      throw new SourceFailure(
          GapReason.UNREACHABLE,
          uri + ": timed out after " + HumanUnits.duration(settings.requestTimeout()));
    } catch (ExecutionException failed) {
      Throwable cause = Objects.requireNonNullElse(failed.getCause(), failed);
      if (cause instanceof java.net.http.WebSocketHandshakeException handshake) {
        HttpResponse<?> response = handshake.getResponse();
        throw failure(uri, host, response.statusCode(), response.headers());
      }
      throw unreachable(uri, cause);
    }
    try {
      while (true) {
        Object next = inbox.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null || next == closed) {
          return;
        }
        if (next instanceof SourceFailure failure) {
          throw failure;
        }
        if (!sink.accept((String) next)) {
          return;
        }
      }
    } finally {
      socket.abort();
    }
  }

  /** Takes the messages of a WebSocket. */
  @FunctionalInterface
  public interface MessageSink {
    boolean accept(String message) throws SourceFailure, InterruptedException;
  }

  /** Takes the events of a stream. */
  @FunctionalInterface
  public interface EventSink {
    boolean accept(String event, String data) throws SourceFailure, InterruptedException;
  }

  private ApiResponse send(HttpRequest.Builder request, URI uri, Map<String, String> headers)
      throws SourceFailure, InterruptedException {
    String host = hostOf(uri);
    checkResting(uri, host);
    checkAddress(uri);
    request
        .timeout(settings.requestTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", "application/json");
    // a caller's header replaces the default of that name (an Accept of HTML pages, say)
    headers.forEach(request::setHeader);
    HttpRequest built = request.build();
    HttpResponse<byte[]> response;
    try {
      response =
          lanes.call(
              host,
              () -> {
                CompletableFuture<HttpResponse<byte[]>> exchange =
                    client.sendAsync(built, this::bodyFor);
                try {
                  // the request time-out ends when the headers arrive; this one covers the body
                  return exchange.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException slow) {
                  exchange.cancel(true);
                  throw new FailedExchange(new HttpTimeoutException("body too slow"));
                } catch (InterruptedException interrupted) {
                  exchange.cancel(true);
                  throw interrupted;
                } catch (ExecutionException failed) {
                  throw new FailedExchange(Objects.requireNonNullElse(failed.getCause(), failed));
                }
              });
    } catch (FailedExchange failed) {
      throw unreachable(uri, Objects.requireNonNull(failed.getCause()));
    }
    noteRateLimit(host, response.headers());
    if (response.statusCode() / 100 != 2) {
      throw failure(uri, host, response.statusCode(), response.headers(), response.body());
    }
    return new ApiResponse(uri, response.statusCode(), response.headers(), response.body());
  }

  private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
    if (info.statusCode() == 403) {
      // a 403 says in its body whether a quota is spent (Google's APIs) or the key refused
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      return declared > ERROR_BODY_BYTES
          ? HttpResponse.BodySubscribers.replacing(new byte[0])
          : new BoundedBodySubscriber(ERROR_BODY_BYTES, declared);
    }
    if (info.statusCode() / 100 != 2) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new BoundedBodySubscriber(settings.maxBodyBytes(), declared);
  }

  private void checkResting(URI uri, String host) throws SourceFailure {
    Instant until = resting.get(host);
    if (until != null && until.isAfter(clock.instant())) {
      throw new SourceFailure(
          GapReason.RATE_LIMITED, uri + ": rate limited by host until " + until, until);
    }
  }

  private void checkAddress(URI uri) throws SourceFailure {
    try {
      settings.addresses().check(uri);
    } catch (RefusedAddressException refused) {
      throw new SourceFailure(GapReason.REQUEST_REFUSED, uri + ": refused: " + refused.reason());
    } catch (UnknownHostException unknown) {
      throw new SourceFailure(GapReason.UNREACHABLE, uri + ": host not found");
    }
  }

  /**
   * {@code X-RateLimit-Remaining: 0} (Reddit, Mastodon) or {@code RateLimit-Remaining: 0} (the
   * Bluesky AppView) means: nothing more until the reset.
   */
  private void noteRateLimit(String host, HttpHeaders headers) {
    String prefix = "X-RateLimit-";
    Optional<String> remaining = headers.firstValue(prefix + "Remaining");
    if (remaining.isEmpty()) {
      prefix = "RateLimit-";
      remaining = headers.firstValue(prefix + "Remaining");
    }
    if (remaining.isEmpty()) {
      return;
    }
    double left;
    try {
      left = Double.parseDouble(remaining.get().strip());
    } catch (NumberFormatException unreadable) {
      return;
    }
    if (left >= 1) {
      return;
    }
    Instant reset = rateLimitReset(headers.firstValue(prefix + "Reset").orElse(null));
    if (reset != null) {
      resting.merge(host, reset, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /**
   * Reddit sends seconds until the reset, Mastodon the time of it, the Bluesky AppView the time in
   * seconds since 1970 (a number too large to be a wait).
   */
  private @Nullable Instant rateLimitReset(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    try {
      double seconds = Double.parseDouble(value);
      if (seconds > EPOCH_SECONDS_FROM) {
        return Instant.ofEpochSecond((long) Math.ceil(seconds));
      }
      return clock.instant().plusMillis((long) Math.ceil(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeException unreadable) {
        return null;
      }
    }
  }

  private SourceFailure failure(URI uri, String host, int status, HttpHeaders headers) {
    return failure(uri, host, status, headers, new byte[0]);
  }

  private SourceFailure failure(
      URI uri, String host, int status, HttpHeaders headers, byte[] body) {
    String problem = uri + ": HTTP " + status + HttpStatusNames.suffix(status);
    if (status == 429 || status == 503) {
      Instant now = clock.instant();
      Instant until =
          RetryAfter.parse(headers.firstValue("Retry-After").orElse(null), now)
              .orElseGet(
                  () -> {
                    Instant reset =
                        rateLimitReset(
                            headers
                                .firstValue("X-RateLimit-Reset")
                                .or(() -> headers.firstValue("RateLimit-Reset"))
                                .orElse(null));
                    return reset != null ? reset : now.plusSeconds(60);
                  });
      resting.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
      if (status == 429 || headers.firstValue("Retry-After").isPresent()) {
        return new SourceFailure(
            GapReason.RATE_LIMITED, problem + "; rate limited by host until " + until, until);
      }
      return new SourceFailure(GapReason.SERVER_ERROR, problem, until);
    }
    if (status == 403) {
      String quota = spentQuota(body);
      if (quota != null) {
        // Google's API quotas are counted per day and start again at midnight Pacific time
        Instant until =
            java.time.ZonedDateTime.now(clock.withZone(PACIFIC))
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(PACIFIC)
                .toInstant();
        resting.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
        return new SourceFailure(
            GapReason.RATE_LIMITED,
            problem + " (" + quota + "); rate limited by host until " + until,
            until);
      }
    }
    if (status == 401 || status == 403) {
      return new SourceFailure(GapReason.AUTH_EXPIRED, problem + "; the credentials were refused");
    }
    if (status / 100 == 5) {
      return new SourceFailure(GapReason.SERVER_ERROR, problem);
    }
    if (status / 100 == 3) {
      return new SourceFailure(
          GapReason.REQUEST_REFUSED,
          problem
              + "; redirect not followed"
              + headers.firstValue("Location").map(l -> " to " + l).orElse(""));
    }
    return new SourceFailure(GapReason.REQUEST_REFUSED, problem);
  }

  /**
   * The reason a Google API gives for a spent quota ({@code quotaExceeded}, {@code
   * rateLimitExceeded}, {@code userRateLimitExceeded}, {@code dailyLimitExceeded}) in its error
   * body, or {@code null}.
   */
  private static @Nullable String spentQuota(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    java.util.regex.Matcher reason = QUOTA_REASON.matcher(text);
    return reason.find() ? reason.group(1) : null;
  }

  private SourceFailure unreachable(URI uri, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BoundedBodySubscriber.BodyTooLargeException tooLarge) {
        return new SourceFailure(GapReason.PAGE_UNPARSEABLE, uri + ": " + tooLarge.getMessage());
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new SourceFailure(
            GapReason.UNREACHABLE,
            uri + ": connect timed out after " + HumanUnits.duration(settings.connectTimeout()));
      }
      if (cause instanceof HttpTimeoutException) {
        return new SourceFailure(
            GapReason.UNREACHABLE,
            uri + ": timed out after " + HumanUnits.duration(settings.requestTimeout()));
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return new SourceFailure(GapReason.UNREACHABLE, uri + ": host not found");
      }
      if (cause instanceof ConnectException) {
        return new SourceFailure(GapReason.UNREACHABLE, uri + ": connection refused");
      }
    }
    String message = failure.getMessage();
    return new SourceFailure(
        GapReason.UNREACHABLE,
        uri
            + ": "
            + (message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : message.strip()));
  }

  private static String hostOf(URI uri) throws SourceFailure {
    String host = uri.getHost();
    if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new SourceFailure(GapReason.REQUEST_REFUSED, uri + ": not an http(s) address");
    }
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  /** Carries an exchange's failure out of a host lane. */
  private static final class FailedExchange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FailedExchange(Throwable cause) {
      super(cause);
    }
  }
}
