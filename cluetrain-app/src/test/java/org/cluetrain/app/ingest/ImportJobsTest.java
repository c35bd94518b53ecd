package org.cluetrain.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobsTest {
  @TempDir Path dir;

  private static ByteArrayInputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static ImportJobs.Progress awaitDone(ImportJobs jobs, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      ImportJobs.Progress job = jobs.job(id).orElseThrow();
      if (job.state() == ImportJobs.State.DONE) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("import " + id + " did not finish");
  }

  @Test
  void anUploadIsKeptUnderItsOwnNameAndRemovedOnceImported() throws Exception {
    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(
            dir.resolve("data"), WorkspaceReader.read(Path.of("../examples/workspace.yaml")))) {
      ImportJobs jobs = runtime.imports();
      ImportJobs.Progress queued =
          jobs.submit(
              "bahn",
              "../../etc/posts.ndjson",
              "auto",
              text(
                  "{\"id\": \"1\", \"text\": \"Die Bahn ist pünktlich\","
                      + " \"published\": \"2026-11-20T10:00:00Z\"}\n"),
              "ana");
      assertThat(queued.file()).isEqualTo("posts.ndjson");
      ImportJobs.Progress done = awaitDone(jobs, queued.id());
      assertThat(done.report().stored()).isEqualTo(1);
      assertThat(done.report().file()).isEqualTo("posts.ndjson");
      assertThat(done.finished()).isNotNull();
      try (var left = Files.list(dir.resolve("data/uploads"))) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndLeavesNothingBehind() throws Exception {
    Path uploads = dir.resolve("uploads");
    try (EmbeddedRuntime runtime =
            EmbeddedRuntime.open(
                dir.resolve("data"), WorkspaceReader.read(Path.of("../examples/workspace.yaml")));
        ImportJobs jobs =
            new ImportJobs(
                new FileImporter(runtime.pipeline(), org.cluetrain.formats.Formats.standard()),
                (project, feeds) -> new ImportJobs.Subscribed(0, java.util.List.of()),
                uploads,
                1024,
                Clock.systemUTC())) {
      assertThatThrownBy(
              () -> jobs.submit("bahn", "big.csv", "auto", text("x".repeat(5000)), "ana"))
          .isInstanceOf(ImportJobs.TooLargeException.class)
          .hasMessageContaining("big.csv")
          .hasMessageContaining("1024 bytes");
      try (var left = Files.list(uploads)) {
        assertThat(left).isEmpty();
      }
      assertThat(jobs.recent()).isEmpty();
    }
  }
}
