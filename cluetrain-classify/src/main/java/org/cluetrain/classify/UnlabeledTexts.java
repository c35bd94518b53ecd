package org.cluetrain.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Unlabelled in-domain texts for self-training: the {@code CONTENT} (or {@code text}) column of
 * every CSV file in a folder (RFC 4180: quoted fields may hold commas, quotes and line breaks), in
 * file-name order. Read once per folder and JVM.
 */
final class UnlabeledTexts {
  private UnlabeledTexts() {}

  private static final Map<Path, List<String>> CACHE = new ConcurrentHashMap<>();

  static List<String> read(Path folder) {
    return CACHE.computeIfAbsent(folder.toAbsolutePath().normalize(), UnlabeledTexts::readAll);
  }

  private static List<String> readAll(Path folder) {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
          continue;
        }
        int column = -1;
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
          String name = header.get(c).strip().toLowerCase(Locale.ROOT);
          if (name.equals("content") || name.equals("text")) {
            column = c;
          }
        }
        if (column < 0) {
          continue;
        }
        for (List<String> row : rows.subList(1, rows.size())) {
          if (row.size() > column && !row.get(column).isBlank()) {
            texts.add(row.get(column));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read unlabelled texts in " + folder, e);
    }
    return List.copyOf(texts);
  }

  /** Rows of RFC 4180 CSV text. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    int n = csv.length();
    while (i < n) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && csv.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
