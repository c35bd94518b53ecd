package org.cluetrain.app.privacy;

import java.util.Objects;
import java.util.Set;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Post;

/**
 * Stores the authors of the projects that ask for it under their pseudonym: the first stage of
 * enrichment, so no later stage, store or figure sees the name, handle or profile address.
 */
public final class AuthorPseudonyms implements Enricher {
  private final PseudonymVault vault;
  private final Set<String> projects;

  /**
   * @param projects the projects whose authors are stored under pseudonyms
   */
  public AuthorPseudonyms(PseudonymVault vault, Set<String> projects) {
    this.vault = Objects.requireNonNull(vault, "vault");
    this.projects = Set.copyOf(projects);
  }

  @Override
  public String name() {
    return "pseudonyms";
  }

  @Override
  public Post enrich(Post post) {
    if (post.author() == null || post.project() == null || !projects.contains(post.project())) {
      return post;
    }
    return post.toBuilder().author(vault.pseudonymise(post.author())).build();
  }
}
