package org.cluetrain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cluetrain.classify.Evaluation;
import org.cluetrain.classify.LabeledData;
import org.cluetrain.classify.LabeledExample;
import org.cluetrain.classify.ShippedModels;
import org.cluetrain.classify.Task;
import org.cluetrain.classify.TextClassifier;
import org.cluetrain.classify.Trainer;
import org.cluetrain.classify.TrainingConfig;
import org.cluetrain.classify.ValidationProtocol;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.model.Label;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code train}, {@code eval} and {@code classify}: the classifiers from the command line. */
final class ModelCommands {
  private ModelCommands() {}

  static Task task(String id) {
    try {
      return Task.of(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown task '"
              + id
              + "', expected one of "
              + java.util.Arrays.stream(Task.values()).map(Task::id).toList());
    }
  }

  /**
   * Reads labelled files, printing every bad row (file, line, what is wrong) to the error stream.
   */
  static List<LabeledExample> read(Task task, List<Path> files, PrintWriter err) {
    for (Path file : files) {
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + ": no such file");
      }
    }
    LabeledData data = LabeledData.read(task, files.toArray(Path[]::new));
    data.problems().forEach(p -> err.println("  " + p));
    if (data.examples().isEmpty()) {
      throw new IllegalArgumentException("no usable rows in " + files);
    }
    return data.examples();
  }

  /** The task and the labelled files that {@code train} and {@code eval} both read. */
  static final class LabelledFiles {
    @Parameters(paramLabel = "TASK", description = "sentiment, spam, offensive or relevance.")
    String task;

    @Option(
        names = "--data",
        arity = "1..*",
        paramLabel = "FILE",
        description = "Labelled TSV files (required unless eval runs a --protocol).")
    List<Path> data;

    Task task() {
      return ModelCommands.task(task);
    }

    List<LabeledExample> read(PrintWriter err) {
      if (data == null || data.isEmpty()) {
        throw new IllegalArgumentException("--data FILE… is required");
      }
      return ModelCommands.read(task(), data, err);
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train a classifier on labelled TSV files (columns: id, lang, label, text; a header line).",
        "Tasks: sentiment (positive, negative, neutral), spam (spam, ham), offensive (offense, other),"
            + " relevance (true, false). Rows with problems are listed and left out."
      })
  static final class Train implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin LabelledFiles labelled;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "MODEL",
        description = "Where to write the model.")
    Path out;

    @Option(
        names = "--lang",
        paramLabel = "L",
        description = "The model's language (default: the rows' most common).")
    String lang;

    @Option(
        names = "--seed",
        defaultValue = "20261123",
        description =
            "Random seed (default: ${DEFAULT-VALUE}); the same seed and data give the same model.")
    long seed;

    @Option(
        names = "--runs",
        defaultValue = "1",
        paramLabel = "N",
        description =
            "Average N runs over differently shuffled rows into one model (1..20, default:"
                + " ${DEFAULT-VALUE}); steadier figures, N times the training time, same speed"
                + " when classifying. The shipped models use 5.")
    int runs;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      TrainingConfig config;
      try {
        config = TrainingConfig.defaults().withSeed(seed).withRuns(runs);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("--" + e.getMessage()); // the range is the trainer's
        return ExitCodes.UNUSABLE;
      }
      Task chosen = labelled.task();
      List<LabeledExample> examples = labelled.read(spec.commandLine().getErr());
      String language = lang != null ? lang : mostCommonLanguage(examples);
      long start = System.nanoTime();
      TextClassifier model = Trainer.train(chosen, language, examples, config);
      model.save(this.out);
      out.printf(
          "trained %s-%s on %d rows in %.1f s; saved to %s%n",
          chosen.id(), language, examples.size(), (System.nanoTime() - start) / 1e9, this.out);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Score a classifier on a labelled TSV file: accuracy, micro-F1, macro-F1, macro-averaged"
            + " recall, per-class precision/recall/F1 and the confusion matrix.",
        "Without --model, the shipped model for the task and each row's language is used.",
        "With --protocol unseen, the shipped model's recipe for the task and --lang is retrained on"
            + " each split of the validation protocol (random slice, leave one dataset out, by"
            + " source, by time) from the shared labelled data, and each split's figure and"
            + " calibration error are printed (docs/models)."
      })
  static final class Eval implements Callable<Integer> {
    enum Format {
      text,
      json
    }

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin LabelledFiles labelled;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model written by train.")
    Path model;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    Format format;

    @Option(
        names = "--protocol",
        paramLabel = "NAME",
        description = "Run the named validation protocol instead of scoring --data: unseen.")
    String protocol;

    @Option(
        names = "--lang",
        defaultValue = "de",
        paramLabel = "L",
        description = "With --protocol: the model's language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(
        names = "--labeled",
        defaultValue = "../shared/data/labeled",
        paramLabel = "DIR",
        description = "With --protocol: the shared labelled data (default: ${DEFAULT-VALUE}).")
    Path labeledDir;

    @Option(
        names = "--runs",
        defaultValue = "1",
        paramLabel = "N",
        description =
            "With --protocol: runs averaged per split (default: ${DEFAULT-VALUE}; the shipped"
                + " models average 5).")
    int runs;

    @Option(
        names = "--threads",
        defaultValue = "2",
        paramLabel = "N",
        description = "With --protocol: splits trained at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
      if (protocol != null) {
        return runProtocol();
      }
      Task chosen = labelled.task();
      List<LabeledExample> examples = labelled.read(spec.commandLine().getErr());
      Function<LabeledExample, TextClassifier> models;
      if (model != null) {
        TextClassifier loaded = TextClassifier.load(model);
        models = e -> loaded;
      } else {
        Map<String, TextClassifier> byLang = new LinkedHashMap<>();
        for (String lang : examples.stream().map(LabeledExample::lang).distinct().toList()) {
          byLang.put(lang, shipped(chosen, lang));
        }
        models = e -> byLang.get(e.lang());
      }
      List<String> gold = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      for (LabeledExample example : examples) {
        gold.add(example.label());
        predicted.add(models.apply(example).predict(example.text()));
      }
      Evaluation evaluation = Evaluation.of(gold, predicted, chosen.labels());
      spec.commandLine()
          .getOut()
          .println(format == Format.json ? evaluation.toJson() : evaluation.toText());
      return ExitCodes.OK;
    }

    private Integer runProtocol() {
      PrintWriter err = spec.commandLine().getErr();
      if (!protocol.equals(ValidationProtocol.UNSEEN)) {
        err.println("unknown protocol '" + protocol + "', expected " + ValidationProtocol.UNSEEN);
        return ExitCodes.UNUSABLE;
      }
      String name = labelled.task().id() + "-" + lang;
      if (!ValidationProtocol.models().contains(name)) {
        err.println(
            "no recipe for " + name + "; the protocol runs on " + ValidationProtocol.models());
        return ExitCodes.UNUSABLE;
      }
      if (!java.nio.file.Files.isDirectory(labeledDir)) {
        err.println(labeledDir + ": no such folder (give --labeled DIR)");
        return ExitCodes.UNUSABLE;
      }
      ValidationProtocol.Report report =
          ValidationProtocol.run(name, labeledDir, runs, threads, s -> err.println("  done: " + s));
      spec.commandLine().getOut().print(report.toText());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "classify",
      mixinStandardHelpOptions = true,
      description =
          "Classify one text with the shipped model (or --model): label, probability and the words that decided it.")
  static final class Classify implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TASK", description = "sentiment, spam, offensive or relevance.")
    String task;

    @Option(
        names = {"-t", "--text"},
        required = true,
        paramLabel = "T",
        description = "The text.")
    String text;

    @Option(
        names = "--lang",
        paramLabel = "L",
        description = "The text's language (default: identified).")
    String lang;

    @Option(names = "--model", paramLabel = "MODEL", description = "A model written by train.")
    Path model;

    @Override
    public Integer call() throws Exception {
      Task chosen = task(task);
      String language = lang != null ? lang : NgramLanguageIdentifier.standard().identify(text);
      TextClassifier classifier =
          model != null ? TextClassifier.load(model) : shipped(chosen, language);
      Label label = classifier.classify(text);
      spec.commandLine()
          .getOut()
          .printf(
              "%s %.2f (%s-%s)%s%n",
              label.value(),
              label.score(),
              classifier.task(),
              classifier.lang(),
              label.reasons().isEmpty()
                  ? ""
                  : "  because of: " + String.join(", ", label.reasons()));
      return ExitCodes.OK;
    }
  }

  /** The shipped model for a task and language, or an error naming what is shipped. */
  static TextClassifier shipped(Task task, String lang) {
    return ShippedModels.load(task, lang)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no shipped "
                        + task.id()
                        + " model for language '"
                        + lang
                        + "'; shipped: "
                        + ShippedModels.NAMES
                        + " (or give --model)"));
  }

  static String mostCommonLanguage(List<LabeledExample> examples) {
    return examples.stream()
        .collect(
            Collectors.groupingBy(LabeledExample::lang, LinkedHashMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("und");
  }
}
