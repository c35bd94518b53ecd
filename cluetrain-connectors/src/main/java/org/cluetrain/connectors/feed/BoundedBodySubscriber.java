package org.cluetrain.connectors.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Collects a response body into memory, but stops as soon as it grows beyond a limit: a runaway or
 * hostile feed must end in a clear error, not in an out-of-memory poller.
 */
public final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body (compressed or not) is larger than the poller accepts. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("response body larger than the " + HumanUnits.bytes(limit) + " limit");
    }
  }

  private final long limit;
  private final long declaredLength;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  // set when the client subscribes, before any item arrives
  private Flow.@Nullable Subscription subscription;
  private long received;

  /**
   * @param limit the most bytes accepted
   * @param declaredLength the {@code Content-Length} the server announced, or -1
   */
  public BoundedBodySubscriber(long limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > limit) {
      // no need to download what would be thrown away
      subscription.cancel();
      body.completeExceptionally(new BodyTooLargeException(limit));
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      received += item.remaining();
      if (received > limit) {
        Objects.requireNonNull(subscription, "items arrive only after onSubscribe").cancel();
        body.completeExceptionally(new BodyTooLargeException(limit));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
