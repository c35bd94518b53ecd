package org.cluetrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cluetrain.json.Json;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, {@code eval}, {@code classify} and the {@code label} loop from the command line.
 */
class ClassifierCommandsTest {
  static final String WORKSPACE = "../examples/workspace.yaml";

  @TempDir Path dir;

  private Path tsv(String name, String... rows) throws Exception {
    return Files.writeString(
        dir.resolve(name), "id\tlang\tlabel\ttext\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void trainThenEvalAsJsonWithTheAgreedKeys() throws Exception {
    Path train =
        tsv(
            "train.tsv",
            "1\tde\tnegative\tDie Bahn ist schon wieder zu spät, eine Frechheit",
            "2\tde\tpositive\tDanke an die freundliche Zugbegleiterin, super Service",
            "3\tde\tneutral\tDer Zug fährt um 10 Uhr ab Gleis 4",
            "4\tde\tnegative\tWieder Ausfall, wieder kein Wort der Bahn, schlimm",
            "5\tde\tpositive\tPünktlich und sauber, toll gemacht",
            "6\tde\tneutral\tDie Strecke wird im Mai erneuert");
    Path model = dir.resolve("sentiment.bin");
    CliRun trained =
        CliRun.of("train", "sentiment", "--data", train.toString(), "--out", model.toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("trained sentiment-de on 6 rows");

    CliRun eval =
        CliRun.of(
            "eval",
            "sentiment",
            "--data",
            train.toString(),
            "--model",
            model.toString(),
            "--format",
            "json");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    JsonNode json = Json.mapper().readTree(eval.out());
    for (String key :
        new String[] {
          "accuracy", "micro_f1", "macro_f1", "macro_recall", "per_class", "confusion"
        }) {
      assertThat(json.has(key)).as(key).isTrue();
    }
    assertThat(json.get("per_class").get("negative").has("support")).isTrue();
  }

  @Test
  void averagedRunsAreOfferedAndTheirCountChecked() throws Exception {
    Path train =
        tsv(
            "runs.tsv",
            "1\ten\tnegative\tawful delay again",
            "2\ten\tpositive\tgreat crew, thank you",
            "3\ten\tneutral\tthe flight leaves at 10");
    Path model = dir.resolve("runs.bin");
    CliRun three = trainSentiment(train, model, "3");
    assertThat(three.exitCode()).as(three.err()).isZero();
    assertThat(model).exists();
    CliRun none = trainSentiment(train, dir.resolve("none.bin"), "0");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("--runs must be within 1..20, was 0");
    assertThat(dir.resolve("none.bin")).doesNotExist();
  }

  private static CliRun trainSentiment(Path data, Path model, String runs) {
    return CliRun.of(
        "train", "sentiment", "--data", data.toString(), "--out", model.toString(), "--runs", runs);
  }

  @Test
  void badRowsAreListedWithFileAndLineAndTheRestIsUsed() throws Exception {
    Path train =
        tsv(
            "mixed.tsv",
            "1\tde\tnegative\tDie Bahn ist zu spät",
            "2\tde\tgrumpy\tein Label, das es nicht gibt",
            "3\tde",
            "4\tde\tpositive\tDanke, alles gut");
    CliRun run =
        CliRun.of(
            "train",
            "sentiment",
            "--data",
            train.toString(),
            "--out",
            dir.resolve("m.bin").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("mixed.tsv:3").contains("grumpy").contains("mixed.tsv:4");
    assertThat(run.out()).contains("on 2 rows");
  }

  @Test
  void unknownTasksAndMissingFilesAreRefusedClearly() {
    CliRun task = CliRun.of("classify", "sarcasm", "--text", "na klar");
    assertThat(task.exitCode()).isEqualTo(2);
    assertThat(task.err()).contains("unknown task 'sarcasm'");
    CliRun file = CliRun.of("eval", "sentiment", "--data", "no-such.tsv");
    assertThat(file.exitCode()).isEqualTo(2);
    assertThat(file.err()).contains("no-such.tsv: no such file");
  }

  @Test
  void evalRunsTheNamedValidationProtocolAndRefusesOthers() {
    CliRun unknown = CliRun.of("eval", "spam", "--lang", "en", "--protocol", "lucky");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown protocol 'lucky', expected unseen");
    CliRun noData = CliRun.of("eval", "spam");
    assertThat(noData.exitCode()).isEqualTo(2);
    assertThat(noData.err()).contains("--data FILE… is required");

    String labeled = SharedData.path("labeled").toString();
    CliRun spam =
        CliRun.of("eval", "spam", "--lang", "en", "--protocol", "unseen", "--labeled", labeled);
    assertThat(spam.exitCode()).as(spam.err()).isZero();
    assertThat(spam.out())
        .contains("== spam-en  protocol unseen")
        .contains("slice     held-out rows of the target files")
        .contains("dataset   youtube-psy.all")
        .contains("source    blog comments")
        .contains("temperature fitted (mean ECE) on");
  }

  @Test
  void classifyExplainsItsVerdictWithTheShippedModels() {
    CliRun negative =
        CliRun.of(
            "classify",
            "sentiment",
            "--text",
            "Die Bahn ist schon wieder zu spät, echt eine Frechheit");
    assertThat(negative.exitCode()).isZero();
    assertThat(negative.out())
        .startsWith("negative")
        .contains("(sentiment-de)")
        .contains("because of:");
    CliRun spam =
        CliRun.of(
            "classify", "spam", "--text", "check out my channel and subscribe!!! http://x.example");
    assertThat(spam.out()).startsWith("spam");
  }

  @Test
  void theLabelLoopTrainsAfterBothVerdictsAndProposesWhatItIsLeastSureAbout() {
    String data = dir.resolve("data").toString();
    CliRun.of(
        "import",
        "--data",
        data,
        "-w",
        WORKSPACE,
        "-p",
        "airlines",
        "../examples/samples/airline-travellers.mastodon.json");
    CliRun first =
        CliRun.of(
            "label", "next", "--data", data, "-w", WORKSPACE, "-p", "airlines", "--limit", "2");
    assertThat(first.out()).contains("p(relevant)=?");
    String[] ids =
        first
            .out()
            .lines()
            .filter(l -> l.startsWith("p(relevant)"))
            .map(l -> l.substring(l.lastIndexOf(' ') + 1))
            .toArray(String[]::new);
    assertThat(ids).hasSize(2);

    CliRun relevant =
        CliRun.of(
            "label",
            "add",
            ids[0],
            "--relevant",
            "--data",
            data,
            "-w",
            WORKSPACE,
            "-p",
            "airlines");
    assertThat(relevant.out())
        .contains("the model trains once there are relevant and irrelevant labels");
    CliRun irrelevant =
        CliRun.of(
            "label",
            "add",
            ids[1],
            "--irrelevant",
            "--data",
            data,
            "-w",
            WORKSPACE,
            "-p",
            "airlines");
    assertThat(irrelevant.out())
        .contains("retrained the relevance model")
        .contains("re-labelled 10 stored posts");

    CliRun next = CliRun.of("label", "next", "--data", data, "-w", WORKSPACE, "-p", "airlines");
    assertThat(next.out()).contains("p(relevant)=0.").doesNotContain(ids[0]).doesNotContain(ids[1]);

    CliRun unknown =
        CliRun.of(
            "label",
            "add",
            "no-such-post",
            "--relevant",
            "--data",
            data,
            "-w",
            WORKSPACE,
            "-p",
            "airlines");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no stored post with id no-such-post");
  }
}
