/**
 * Text classification for the enrich stage: sentiment (German, English), spam, offensive language
 * and per-project relevance, each a small linear model over hashed word and character n-grams, pure
 * Java, with its figures published in {@code docs/models/}.
 *
 * <h2>Using the shipped models</h2>
 *
 * <pre>{@code
 * TextClassifier sentiment = ShippedModels.load("sentiment", "de").orElseThrow();
 * Label label = sentiment.classify("Schon wieder 40 Minuten Verspätung, danke Bahn");
 * // label.value() "negative", label.score() its probability, label.reasons() e.g. ["verspätung", …]
 * Map<String, Double> p = sentiment.probabilities(text);
 * }</pre>
 *
 * {@link org.cluetrain.classify.ClassifierEnricher#shipped()} is the pipeline stage: it puts {@code
 * sentiment}, {@code spam} and {@code offensive} labels on every post whose language has a model.
 * {@link org.cluetrain.classify.TextClassifier} is immutable and thread-safe, and defined for any
 * text: empty, only emoji, only links, or huge (only the first {@code maxChars} characters are
 * scored).
 *
 * <h2>Training and evaluating</h2>
 *
 * <pre>{@code
 * LabeledData data = LabeledData.read(Path.of("labeled/relevance/de/germeval2017.dev.tsv"));
 * data.problems().forEach(System.err::println);   // file:line: what is wrong, per bad row
 * TextClassifier model = Trainer.train(Task.RELEVANCE, "de", data.examples(), TrainingConfig.defaults());
 * model.save(Path.of("relevance-de.bin"));
 * Evaluation e = Evaluation.of(gold, predicted, Task.RELEVANCE.labels());
 * e.toJson(); e.toText();
 * }</pre>
 *
 * The shared TSV format is {@code id lang label text} with a header line; {@link
 * org.cluetrain.classify.LabeledData} never stops at a bad row but reports each one. Training is
 * deterministic (seeded shuffling) and fast: a few thousand posts train in well under a second,
 * which is what the relevance labelling loop needs. {@link
 * org.cluetrain.classify.TrainingConfig#classWeighting()} balances skewed classes (use 1 when the
 * measure is macro-averaged).
 *
 * <h2>Features and model</h2>
 *
 * See {@link org.cluetrain.classify.FeatureConfig}: lower-cased words and word pairs, links,
 * accounts and numbers normalised, emoji and emoticons as tokens, negation scope marked for German
 * and English, character 2–5-grams within words (covering German compounds), all hashed into {@code
 * 2^hashBits} buckets. Optionally a sentiment lexicon ({@code lexicon/de.tsv}, {@code
 * lexicon/en.tsv}; sources and licences in {@code lexicon/NOTICE.md}) adds word valences with
 * negation flipping and intensifiers plus the text's bucketed totals, and surface cues add length,
 * link counts and domains, digits, capitals and punctuation counts. The model is multinomial
 * logistic regression with L2, trained by AdaGrad; weights are stored quantised to 16 bits in a
 * versioned, gzip-compressed file. A label's reasons are the post's own words whose features raised
 * the chosen label's score most.
 *
 * <p>The shipped models are rebuilt by one command, {@code TrainShippedModels} (see the model cards
 * for the exact invocation, the data and its licences).
 *
 * <h2>Validation and calibration</h2>
 *
 * {@link org.cluetrain.classify.ValidationProtocol} is the named protocol the model cards report:
 * each shipped recipe retrained without a whole dataset, source or period and scored on it ({@code
 * cluetrain eval TASK --lang L --protocol unseen}). Probabilities are calibrated by a temperature
 * chosen on those splits, and texts longer than the model's training texts have their scores
 * damped, so a label's probability means what it says; below {@link
 * org.cluetrain.model.Label#UNSURE_BELOW} a label is unsure.
 */
package org.cluetrain.classify;
