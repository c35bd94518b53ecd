package org.cluetrain.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.access.RunningServer;
import org.cluetrain.app.alert.AlertDispatcher;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.poll.LivePolling;
import org.cluetrain.app.poll.LiveSources;
import org.cluetrain.connectors.feed.FeedSubscription;
import org.cluetrain.formats.Formats;
import org.cluetrain.web.ApiServer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run Cluetrain: import the workspace's files, poll its feeds, serve the web application"
          + " and its JSON API.",
      "Stops on Ctrl-C (or SIGTERM), finishing the batch in hand."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--no-poll", description = "Do not poll feeds (serve what is stored).")
  boolean noPoll;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant started = Instant.now();
    try {
      return serve(out, started);
    } finally {
      closed.countDown();
    }
  }

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  /** How long a stop signal waits for the server to close its stores. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(60);

  private int serve(PrintWriter out, Instant started) throws Exception {
    try (EmbeddedRuntime runtime = options.open()) {
      runtime.queryProblems().forEach(p -> out.println("query problem: " + p));
      new FileImporter(runtime.pipeline(), Formats.standard())
          .importWorkspace(
              runtime.workspace(),
              (project, report) ->
                  out.printf(
                      "imported %s into %s: %d new, %d already stored%s%n",
                      Path.of(report.file()).getFileName(),
                      project,
                      report.stored(),
                      report.alreadyKnown(),
                      report.problems().isEmpty()
                          ? ""
                          : ", " + report.problems().size() + " problems"));
      runtime
          .alerts()
          .startLive(
              runtime.pipeline(),
              Clock.systemUTC(),
              AlertDispatcher.Settings.DEFAULT,
              System::getenv);
      int caughtUp = runtime.inbox().catchUp();
      if (caughtUp > 0) {
        out.printf("inbox: %d new items from posts stored before their rules%n", caughtUp);
      }
      // retention runs now, in the background, and then daily
      runtime.retentionSchedule().start();
      List<FeedSubscription> feeds =
          LivePolling.subscriptions(runtime.workspace(), runtime.subscriptions());
      LivePolling polling =
          noPoll || feeds.isEmpty()
              ? null
              : LivePolling.start(
                  feeds, runtime.pipeline(), runtime.sourceStates(), runtime.workspace().network());
      // connectors of the workspace and those added on the Sources page, taken up as they change
      LiveSources live =
          noPoll
              ? null
              : LiveSources.start(
                  runtime.workspace(),
                  System::getenv,
                  problem -> out.println("source problem: " + problem + "; not polled"),
                  runtime.pipeline(),
                  runtime.sourceStates(),
                  runtime.gaps());
      try (ApiServer server =
          ApiServer.start(
              runtime,
              host,
              port,
              () -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("polling", polling != null);
                status.put("feeds", feeds.size());
                status.put("stored_from_feeds", polling == null ? 0 : polling.stored());
                status.put("connectors", live == null ? 0 : live.count());
                status.put("stored_from_connectors", live == null ? 0 : live.stored());
                status.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
                status.put("alerts", runtime.alerts().status());
                return status;
              })) {
        // commands run while this server holds the data directory hand their work to it
        new RunningServer(
                URI.create("http://" + loopbackFor(host) + ":" + server.port() + "/"),
                runtime.access().operatorKey(),
                ProcessHandle.current().pid())
            .publish(runtime.dataDir());
        out.printf(
            "Cluetrain is listening: http://%s:%d/ (%d posts stored, %d feeds %s, data in %s)%n",
            host.contains(":") ? "[" + host + "]" : host,
            server.port(),
            runtime.store().count(),
            feeds.size(),
            polling == null ? "not polled" : "polled",
            runtime.dataDir());
        if (live != null && live.count() > 0) {
          out.printf("%d live sources (Mastodon) polled%n", live.count());
        }
        runtime
            .access()
            .createFirstAdmin()
            .ifPresent(
                password ->
                    out.printf(
                        "First start: sign in as 'admin' with the password %s%n"
                            + "(shown only now; change it on your account page, or with"
                            + " 'cluetrain users password admin').%n",
                        password));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        Thread hook =
            new Thread(
                () -> {
                  stop.countDown();
                  // the JVM halts once its hooks end: wait until the batch in hand, the index
                  // and the running-server file are closed
                  awaitShutdown(closed, SHUTDOWN_GRACE);
                },
                "cluetrain-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        awaitShutdown(stop, null);
      } finally {
        RunningServer.withdraw(runtime.dataDir());
        if (polling != null) {
          polling.close();
        }
        if (live != null) {
          live.close();
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Where a command on this machine reaches the server: loopback when it listens everywhere. */
  static String loopbackFor(String host) {
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static void awaitShutdown(CountDownLatch latch, @Nullable Duration atMost) {
    try {
      if (atMost == null) {
        latch.await();
      } else {
        latch.await(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
