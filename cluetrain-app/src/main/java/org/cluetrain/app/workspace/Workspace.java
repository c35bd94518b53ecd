package org.cluetrain.app.workspace;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cluetrain.inbox.InboxSettings;
import org.cluetrain.query.SavedQuery;

/**
 * What a team listens to: its projects, each with sources, saved queries and competitors. Read from
 * a YAML file (see {@code docs/configuration.md}); every error in it is reported at once.
 *
 * @param file the file it was read from, or {@code null} when built in code
 * @param languages the languages to expect (ISO 639-1), for language identification
 * @param projects the projects, in file order
 */
public record Workspace(Path file, List<String> languages, List<Project> projects) {
  public Workspace {
    languages = List.copyOf(languages);
    projects = List.copyOf(projects);
  }

  /**
   * A project: one brand, client or research topic.
   *
   * @param inbox its engagement inbox: rules, response target, business hours, own channels
   */
  public record Project(
      String name,
      String description,
      List<FeedSource> feeds,
      List<Path> imports,
      List<SavedQuery> queries,
      InboxSettings inbox) {
    public Project {
      feeds = List.copyOf(feeds);
      imports = List.copyOf(imports);
      queries = List.copyOf(queries);
      inbox = inbox == null ? InboxSettings.defaults(ZoneId.systemDefault()) : inbox;
    }

    /** A project whose inbox has no rules, the default target and business hours. */
    public Project(
        String name,
        String description,
        List<FeedSource> feeds,
        List<Path> imports,
        List<SavedQuery> queries) {
      this(name, description, feeds, imports, queries, null);
    }
  }

  /**
   * A feed the server polls.
   *
   * @param name the source's name in the project
   * @param url the feed's address
   * @param everySeconds how often to poll it
   */
  public record FeedSource(String name, String url, long everySeconds) {}

  public Optional<Project> project(String name) {
    return projects.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every saved query of every project (competitors included). */
  public List<SavedQuery> queries() {
    List<SavedQuery> all = new ArrayList<>();
    projects.forEach(p -> all.addAll(p.queries()));
    return all;
  }

  /** An empty workspace: no projects; imports still work, matching nothing. */
  public static Workspace empty(List<String> languages) {
    return new Workspace(null, languages, List.of());
  }
}
