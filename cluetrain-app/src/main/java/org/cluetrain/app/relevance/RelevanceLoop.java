package org.cluetrain.app.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.cluetrain.classify.LabeledExample;
import org.cluetrain.classify.Task;
import org.cluetrain.classify.TextClassifier;
import org.cluetrain.classify.Trainer;
import org.cluetrain.classify.TrainingConfig;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;

/**
 * Relevance learned from the analysts' own labels ("is this post really about us, or just the same
 * word?"), one model per project.
 *
 * <p>The loop: an analyst labels a post relevant or not; the project's model is retrained on all
 * its labels (a few seconds at most), saved in the data directory, used for every new post of the
 * project and re-applied to the project's most recent stored posts; and {@link #next} proposes the
 * posts the model is least sure about, which are the labels that teach it most (uncertainty
 * sampling).
 */
public final class RelevanceLoop {
  /** Stored posts re-labelled after each retraining, newest first. */
  static final int RESTAMP_LIMIT = 10_000;

  /** Stored posts considered when proposing what to label next. */
  static final int CANDIDATE_POOL = 5_000;

  private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final Path modelDir;
  private final PostStore store;
  private final RelevanceLabelStore labelStore;
  private final Clock clock;
  private final TrainingConfig training;
  private final Map<String, TextClassifier> models = new ConcurrentHashMap<>();

  public RelevanceLoop(
      Path modelDir, PostStore store, RelevanceLabelStore labelStore, Clock clock) {
    this.modelDir = Objects.requireNonNull(modelDir, "modelDir");
    this.store = Objects.requireNonNull(store, "store");
    this.labelStore = Objects.requireNonNull(labelStore, "labelStore");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.training = TrainingConfig.defaults();
    loadSavedModels();
  }

  /** What labelling one post did. */
  public record Outcome(
      String project,
      String postId,
      boolean relevant,
      int labels,
      int relevantLabels,
      boolean modelTrained,
      long trainingMillis,
      int postsRelabelled) {}

  /** A post proposed for labelling, with the model's current belief (or {@code null}: no model). */
  public record Candidate(StoredPost post, Double relevantProbability) {}

  /** The enricher that adds the project's relevance to every new post of a project with a model. */
  public Enricher enricher() {
    return new Enricher() {
      @Override
      public String name() {
        return "relevance";
      }

      @Override
      public Post enrich(Post post) {
        TextClassifier model = post.project() == null ? null : models.get(post.project());
        return model == null ? post : withRelevance(post, model);
      }
    };
  }

  /** The project's current model, if it has one. */
  public Optional<TextClassifier> model(String project) {
    return Optional.ofNullable(models.get(project));
  }

  /**
   * Records the verdict and retrains the project's model when its labels contain both verdicts.
   *
   * @throws IllegalArgumentException when no such post is stored
   */
  public synchronized Outcome label(String project, String postId, boolean relevant) {
    requireProject(project);
    StoredPost labelled =
        store
            .get(postId)
            .orElseThrow(() -> new IllegalArgumentException("no stored post with id " + postId));
    if (labelled.post().project() != null && !labelled.post().project().equals(project)) {
      throw new IllegalArgumentException(
          "post "
              + postId
              + " belongs to project "
              + labelled.post().project()
              + ", not "
              + project);
    }
    labelStore.saveRelevanceLabel(project, postId, relevant, clock.instant());
    Map<String, Boolean> labels = labelStore.relevanceLabels(project);
    List<LabeledExample> examples = new ArrayList<>();
    for (Map.Entry<String, Boolean> label : labels.entrySet()) {
      store
          .get(label.getKey())
          .ifPresent(
              p ->
                  examples.add(
                      new LabeledExample(
                          p.post().id(),
                          p.post().lang() == null ? "und" : p.post().lang(),
                          label.getValue().toString(),
                          p.post().fullText())));
    }
    long relevantCount = labels.values().stream().filter(b -> b).count();
    if (relevantCount == 0 || relevantCount == labels.size()) {
      return new Outcome(
          project, postId, relevant, labels.size(), (int) relevantCount, false, 0, 0);
    }
    long start = System.nanoTime();
    TextClassifier model = Trainer.train(Task.RELEVANCE, "mul", examples, training);
    long millis = (System.nanoTime() - start) / 1_000_000;
    save(project, model);
    models.put(project, model);
    int relabelled = restamp(project, model);
    return new Outcome(
        project, postId, relevant, labels.size(), (int) relevantCount, true, millis, relabelled);
  }

  /**
   * The unlabelled posts most worth labelling next: those the model is least sure about; without a
   * model yet, the newest posts that matched one of the project's queries, then the newest.
   */
  public List<Candidate> next(String project, int limit) {
    requireProject(project);
    Map<String, Boolean> labels = labelStore.relevanceLabels(project);
    List<StoredPost> pool = new ArrayList<>();
    for (StoredPost post : recent(project, CANDIDATE_POOL)) {
      if (!labels.containsKey(post.post().id())) {
        pool.add(post);
      }
    }
    TextClassifier model = models.get(project);
    List<Candidate> candidates = new ArrayList<>();
    if (model == null) {
      pool.sort(Comparator.comparing((StoredPost p) -> p.matchedQueries().isEmpty()));
      pool.stream().limit(limit).forEach(p -> candidates.add(new Candidate(p, null)));
      return candidates;
    }
    for (StoredPost post : pool) {
      candidates.add(new Candidate(post, model.probabilities(post.post().fullText()).get("true")));
    }
    candidates.sort(Comparator.comparingDouble(c -> Math.abs(c.relevantProbability() - 0.5)));
    return candidates.subList(0, Math.min(limit, candidates.size()));
  }

  private int restamp(String project, TextClassifier model) {
    List<StoredPost> updated = new ArrayList<>();
    for (StoredPost post : recent(project, RESTAMP_LIMIT)) {
      updated.add(new StoredPost(withRelevance(post.post(), model), post.matchedQueries()));
    }
    store.store(updated);
    return updated.size();
  }

  private List<StoredPost> recent(String project, int limit) {
    try {
      return store.search(new SearchRequest("", project, null, null, limit)).posts();
    } catch (QuerySyntaxException impossible) {
      throw new IllegalStateException(impossible); // the empty query always parses
    }
  }

  private static Post withRelevance(Post post, TextClassifier model) {
    Map<String, Label> labels = new LinkedHashMap<>(post.labels());
    labels.put(Task.RELEVANCE.id(), model.classify(post.fullText()));
    return post.toBuilder().labels(labels).build();
  }

  private static void requireProject(String project) {
    if (project == null || !PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException("'" + project + "' is not a project name");
    }
  }

  private Path file(String project) {
    return modelDir.resolve("relevance-" + project + ".bin");
  }

  private void save(String project, TextClassifier model) {
    try {
      Files.createDirectories(modelDir);
      Path temporary = modelDir.resolve("relevance-" + project + ".bin.tmp");
      model.save(temporary);
      // replace atomically, so a crash never leaves a half-written model behind
      Files.move(
          temporary,
          file(project),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the relevance model of " + project, e);
    }
  }

  private void loadSavedModels() {
    if (!Files.isDirectory(modelDir)) {
      return;
    }
    try (var files = Files.list(modelDir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("relevance-") && name.endsWith(".bin")) {
          String project = name.substring("relevance-".length(), name.length() - ".bin".length());
          models.put(project, TextClassifier.load(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the relevance models in " + modelDir, e);
    }
  }
}
