package org.cluetrain.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.export.ExportFormat;
import org.cluetrain.app.export.ExportKind;
import org.cluetrain.app.export.Exports;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.audit.AuditEvent;
import org.cluetrain.audit.AuditKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a project's mentions, threads, authors, hourly figures or inbox items as CSV, JSON,"
          + " NDJSON or XLSX, to the standard output or a file (see docs/exports.md).",
      "Mentions take the filters of the Mentions page; every kind takes --since and --until.",
      "Times: 2026-03-01, 2026-03-01T12:00, 2026-03-01T12:00:00Z, or an age such as 24h, 7d."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..1",
      description = "Only mentions this search finds (the query language); empty for all.")
  String q = "";

  @Option(
      names = {"-p", "--project"},
      paramLabel = "P",
      description = "The project (default: the workspace's only one).")
  String project;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      defaultValue = "mentions",
      description = "mentions, threads, authors, figures or inbox (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "csv",
      description = "csv, json, ndjson or xlsx (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--since", paramLabel = "T", description = "Only what happened at or after T.")
  String since;

  @Option(names = "--until", paramLabel = "T", description = "Only what happened before T.")
  String until;

  @Option(
      names = "--query",
      paramLabel = "NAME",
      description = "Mentions of this saved query, or @all, @brand, @competitors.")
  String query;

  @Option(names = "--sentiment", paramLabel = "S", description = "positive, neutral or negative.")
  String sentiment;

  @Option(names = "--lang", paramLabel = "L", description = "Only posts in this language.")
  String lang;

  @Option(names = "--source", paramLabel = "ID", description = "Only posts from this source.")
  String source;

  @Option(
      names = "--post-kind",
      paramLabel = "K",
      description = "post, comment, reply, pingback or trackback.")
  String postKind;

  @Option(names = "--answered", paramLabel = "yes|no", description = "Answered or not.")
  String answered;

  @Option(names = "--author", paramLabel = "ID", description = "Only posts by this author.")
  String author;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to this file (default: the standard output).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ExportKind chosenKind;
    ExportFormat chosenFormat;
    try {
      chosenKind = ExportKind.parse(kind);
      chosenFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("cluetrain: " + e.getMessage());
      return ExitCodes.UNUSABLE;
    }
    MentionFilter filter =
        new MentionFilter(
            q, query, sentiment, lang, source, postKind, since, until, answered, author);
    try (EmbeddedRuntime runtime = options.open()) {
      String chosen = Options.project(runtime.workspace(), project);
      if (chosen == null) {
        spec.commandLine().getErr().println("cluetrain: name the project to export with --project");
        return ExitCodes.UNUSABLE;
      }
      Exports.Prepared export;
      try {
        export = runtime.exports().prepare(chosen, chosenKind, chosenFormat, filter);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("cluetrain: " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
      String what = chosenKind.label() + " as " + chosenFormat.label().toUpperCase(Locale.ROOT);
      try (Sink sink = sink(chosenFormat)) {
        long rows = export.write(sink.stream());
        runtime
            .audit()
            .record(
                AccessControl.OPERATOR,
                AuditKind.EXPORT,
                chosen,
                what + ": " + rows + " rows",
                AuditEvent.LOCAL);
        spec.commandLine().getErr().println(rows + " rows exported");
      } catch (RuntimeException e) {
        runtime
            .audit()
            .record(
                AccessControl.OPERATOR,
                AuditKind.EXPORT,
                chosen,
                what + ": cut off: " + e.getMessage(),
                AuditEvent.LOCAL);
        throw e;
      }
    } catch (EmbeddedRuntime.InUseException inUse) {
      // the server writes the export, and records it in its audit log
      ServerClient server = ServerClient.holding(inUse);
      String chosen = project != null ? project : server.onlyProject("exports");
      String path = Exports.address(chosen, chosenKind, chosenFormat, filter);
      try (Sink sink = sink(chosenFormat)) {
        server.download(path, sink.stream());
      } catch (ServerClient.ServerRefused e) {
        spec.commandLine().getErr().println("cluetrain: " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
    }
    return ExitCodes.OK;
  }

  /** Where the export goes: the file, or the standard output. */
  private Sink sink(ExportFormat chosen) throws IOException {
    if (out != null) {
      OutputStream file = Files.newOutputStream(out);
      return new Sink(file, file::close);
    }
    if (chosen == ExportFormat.XLSX) {
      // a workbook is bytes, not text: it goes to the standard output as it is
      OutputStream stdout = new FileOutputStream(FileDescriptor.out);
      return new Sink(stdout, stdout::flush);
    }
    Writer writer = spec.commandLine().getOut();
    TextStream text = new TextStream(writer);
    return new Sink(text, text::finish);
  }

  private record Sink(OutputStream stream, Closer closer) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      closer.close();
    }
  }

  @FunctionalInterface
  private interface Closer {
    void close() throws IOException;
  }

  /** UTF-8 bytes written as text to the command's output, decoded as they come. */
  private static final class TextStream extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    TextStream(Writer out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int at = offset;
      int end = offset + length;
      while (at < end) {
        int n = Math.min(pending.remaining(), end - at);
        pending.put(bytes, at, n);
        at += n;
        drain(false);
      }
    }

    private void drain(boolean last) throws IOException {
      pending.flip();
      while (true) {
        var result = decoder.decode(pending, chars, last);
        chars.flip();
        out.write(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        chars.clear();
        if (!result.isOverflow()) {
          break;
        }
      }
      pending.compact(); // an incomplete character waits for its last bytes
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    void finish() throws IOException {
      drain(true);
      decoder.flush(chars);
      chars.flip();
      out.write(chars.array(), 0, chars.remaining());
      chars.clear();
      out.flush();
    }
  }
}
