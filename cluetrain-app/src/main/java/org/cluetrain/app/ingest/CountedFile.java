package org.cluetrain.app.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file whose bytes are counted as an import reads them: with the file's size, how far the import
 * is. Each opening starts the count again, since format detection reads the head first and then the
 * whole file from the start.
 */
public class CountedFile {
  private final Path file;
  private final AtomicLong read = new AtomicLong();

  public CountedFile(Path file) {
    this.file = file;
  }

  /** Bytes read since the file was last opened. */
  public long bytesRead() {
    return read.get();
  }

  /** Opens the file, counting from zero. */
  public InputStream open() throws IOException {
    read.set(0);
    return new FilterInputStream(Files.newInputStream(file)) {
      @Override
      public int read() throws IOException {
        beforeRead();
        int b = super.read();
        if (b >= 0) {
          read.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        beforeRead();
        int n = super.read(b, off, len);
        if (n > 0) {
          read.addAndGet(n);
        }
        return n;
      }
    };
  }

  /** Called before every read; a subclass may refuse to go on. */
  protected void beforeRead() throws IOException {}
}
