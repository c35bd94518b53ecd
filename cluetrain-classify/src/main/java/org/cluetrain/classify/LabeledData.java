package org.cluetrain.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows read from labelled TSV files ({@code id lang label text}, a header line, UTF-8), with
 * the rows that could not be used. A bad row never stops the read: it is reported as a {@link
 * Problem} naming file, line and what is wrong, and the other rows are kept.
 *
 * @param examples the usable rows, in file order
 * @param problems one entry per unusable row or unreadable file
 */
public record LabeledData(List<LabeledExample> examples, List<Problem> problems) {

  public LabeledData {
    examples = List.copyOf(examples);
    problems = List.copyOf(problems);
  }

  /**
   * What is wrong with one row (or a whole file, then {@code line} is 0).
   *
   * @param file the file
   * @param line the 1-based line number; the header is line 1
   * @param message what is wrong
   */
  public record Problem(Path file, long line, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + message;
    }
  }

  /**
   * Reads files of the layout {@code labeled/<task>/<lang>/<dataset>.<split>.tsv}; labels are
   * checked against the task named by the file's grandparent folder when that is a known task.
   */
  public static LabeledData read(Path... files) {
    return read(null, files);
  }

  /** Reads files whose labels must all belong to {@code task} ({@code null}: not checked). */
  public static LabeledData read(Task task, Path... files) {
    List<LabeledExample> examples = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      Task expected = task != null ? task : taskOf(file).orElse(null);
      readFile(file, expected, examples, problems);
    }
    return new LabeledData(examples, problems);
  }

  /** The task named by the file's grandparent folder ({@code <task>/<lang>/file.tsv}), if any. */
  static Optional<Task> taskOf(Path file) {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() == null || abs.getParent().getParent() == null) {
      return Optional.empty();
    }
    String name = abs.getParent().getParent().getFileName().toString();
    for (Task t : Task.values()) {
      if (t.id().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static void readFile(
      Path file, Task task, List<LabeledExample> examples, List<Problem> problems) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        problems.add(new Problem(file, 0, "empty file, expected a header 'id lang label text'"));
        return;
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      if (!header.strip().equals("id\tlang\tlabel\ttext")) {
        problems.add(
            new Problem(
                file,
                1,
                "expected the header 'id<TAB>lang<TAB>label<TAB>text', found '"
                    + clip(header)
                    + "'"));
      }
      long lineNumber = 1;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 4) {
          problems.add(
              new Problem(
                  file, lineNumber, "expected 4 tab-separated columns, found " + cols.length));
          continue;
        }
        String id = cols[0].strip();
        String lang = cols[1].strip();
        String label = cols[2].strip();
        String text = cols[3].strip();
        if (id.isEmpty()) {
          problems.add(new Problem(file, lineNumber, "empty id"));
        } else if (lang.isEmpty()) {
          problems.add(new Problem(file, lineNumber, "empty language"));
        } else if (text.isEmpty()) {
          problems.add(new Problem(file, lineNumber, "empty text"));
        } else if (label.isEmpty()) {
          problems.add(new Problem(file, lineNumber, "empty label"));
        } else if (task != null && !task.labels().contains(label)) {
          problems.add(
              new Problem(
                  file,
                  lineNumber,
                  "label '"
                      + clip(label)
                      + "' is not a "
                      + task.id()
                      + " label, expected one of "
                      + String.join(", ", task.labels())));
        } else {
          examples.add(new LabeledExample(id, lang, label, text));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
    }
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
