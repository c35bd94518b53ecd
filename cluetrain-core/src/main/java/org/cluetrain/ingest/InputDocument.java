package org.cluetrain.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something to read posts from: a file, or a response body fetched from a URL.
 *
 * <p>Readers may call {@link #open()} more than once (detection sniffs the first bytes, then the
 * reader streams the whole); each call returns a fresh stream that the caller closes.
 *
 * @param name how messages name the input: a file path or a URL
 * @param origin the address the document came from, for resolving relative links; may be {@code
 *     null}
 * @param contentType the media type with charset as a server declared it, or {@code null}
 * @param opener opens a fresh stream over the bytes
 */
public record InputDocument(
    String name, @Nullable URI origin, @Nullable String contentType, Opener opener) {

  /** Opens a fresh stream over the document's bytes. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  public InputStream open() throws IOException {
    return opener.open();
  }

  public static InputDocument ofFile(Path file) {
    return new InputDocument(file.toString(), null, null, () -> Files.newInputStream(file));
  }

  public static InputDocument ofBytes(
      String name, @Nullable URI origin, @Nullable String contentType, byte[] bytes) {
    return new InputDocument(
        name, origin, contentType, () -> new java.io.ByteArrayInputStream(bytes));
  }

  /** The file name part of {@link #name()}, for ids and messages. */
  public String fileName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
