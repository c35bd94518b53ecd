package org.cluetrain.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One contribution to a conversation: an article, a comment, a reply, a tweet, a pingback.
 *
 * <p>Readers fill the fields the source has; the enrichment stages add language, fingerprint,
 * duplicate link and classifier labels. A post is immutable: stages return changed copies made with
 * {@link #toBuilder()}.
 *
 * @param id stable, globally unique id derived from the source's own id (so re-import is
 *     idempotent), e.g. {@code x:2029905358261502168}
 * @param source where it was found
 * @param threadId the conversation it belongs to; the id of the thread's opening post
 * @param parentId the post it answers, or {@code null} for the opening post
 * @param kind its role in the conversation
 * @param author who wrote it, or {@code null} when unknown
 * @param url its address, or {@code null}
 * @param title its title, or {@code null}
 * @param text clean text: no markup, whitespace normalised
 * @param html the original HTML where it came as HTML, else {@code null}
 * @param published when it was written (or, lacking that, first seen)
 * @param engagement likes, replies, shares, views, rating as the source reports them
 * @param links absolute URLs the post links to
 * @param mentions account names mentioned, lower case, without {@code @}
 * @param hashtags hashtags, lower case, without {@code #}
 * @param lang ISO 639-1 language code, {@code und} when undetermined, {@code null} before
 *     enrichment
 * @param fingerprint 64-bit SimHash of the normalised text, 0 before enrichment
 * @param duplicateOf id of an earlier post this one is a (near-)copy of, or {@code null}
 * @param labels classifier verdicts by task (e.g. {@code sentiment}); empty before enrichment
 * @param project the project it was collected for, or {@code null} when not yet assigned
 */
public record Post(
    String id,
    SourceRef source,
    String threadId,
    @Nullable String parentId,
    PostKind kind,
    @Nullable Author author,
    @Nullable String url,
    @Nullable String title,
    String text,
    @Nullable String html,
    Instant published,
    Engagement engagement,
    List<String> links,
    List<String> mentions,
    List<String> hashtags,
    @Nullable String lang,
    long fingerprint,
    @Nullable String duplicateOf,
    Map<String, Label> labels,
    @Nullable String project) {

  public Post {
    Requirements.nonBlank(id, "post id");
    Objects.requireNonNull(source, () -> "source of post " + id);
    Objects.requireNonNull(kind, () -> "kind of post " + id);
    Objects.requireNonNull(published, () -> "published time of post " + id);
    threadId = threadId == null || threadId.isBlank() ? id : threadId;
    if (parentId != null && parentId.isBlank()) {
      parentId = null;
    }
    text = text == null ? "" : text;
    if (text.isEmpty() && (title == null || title.isBlank())) {
      throw new IllegalArgumentException("post " + id + " has neither text nor title");
    }
    engagement = engagement == null ? Engagement.UNKNOWN : engagement;
    links = links == null ? List.of() : List.copyOf(links);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The host name of the post's address (or of its source's), lower case, or {@code null}. */
  public @Nullable String site() {
    String address = url != null ? url : source.url();
    if (address == null) {
      return null;
    }
    try {
      String host = URI.create(address.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  /** Title and text as one string, the way matching and search see the post's words. */
  public String fullText() {
    return title == null || title.isBlank() ? text : text.isEmpty() ? title : title + "\n" + text;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .source(source)
        .threadId(threadId)
        .parentId(parentId)
        .kind(kind)
        .author(author)
        .url(url)
        .title(title)
        .text(text)
        .html(html)
        .published(published)
        .engagement(engagement)
        .links(links)
        .mentions(mentions)
        .hashtags(hashtags)
        .lang(lang)
        .fingerprint(fingerprint)
        .duplicateOf(duplicateOf)
        .labels(labels)
        .project(project);
  }

  /** Builds posts field by field; {@link #build()} validates like the constructor. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable SourceRef source;
    private @Nullable String threadId;
    private @Nullable String parentId;
    private PostKind kind = PostKind.POST;
    private @Nullable Author author;
    private @Nullable String url;
    private @Nullable String title;
    private @Nullable String text;
    private @Nullable String html;
    private @Nullable Instant published;
    private @Nullable Engagement engagement;
    private @Nullable List<String> links;
    private @Nullable List<String> mentions;
    private @Nullable List<String> hashtags;
    private @Nullable String lang;
    private long fingerprint;
    private @Nullable String duplicateOf;
    private @Nullable Map<String, Label> labels;
    private @Nullable String project;

    private Builder() {}

    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    public Builder source(@Nullable SourceRef source) {
      this.source = source;
      return this;
    }

    public Builder threadId(@Nullable String threadId) {
      this.threadId = threadId;
      return this;
    }

    public Builder parentId(@Nullable String parentId) {
      this.parentId = parentId;
      return this;
    }

    public Builder kind(PostKind kind) {
      this.kind = kind;
      return this;
    }

    public Builder author(@Nullable Author author) {
      this.author = author;
      return this;
    }

    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    public Builder html(@Nullable String html) {
      this.html = html;
      return this;
    }

    public Builder published(@Nullable Instant published) {
      this.published = published;
      return this;
    }

    public Builder engagement(@Nullable Engagement engagement) {
      this.engagement = engagement;
      return this;
    }

    public Builder links(@Nullable List<String> links) {
      this.links = links;
      return this;
    }

    public Builder mentions(@Nullable List<String> mentions) {
      this.mentions = mentions;
      return this;
    }

    public Builder hashtags(@Nullable List<String> hashtags) {
      this.hashtags = hashtags;
      return this;
    }

    public Builder lang(@Nullable String lang) {
      this.lang = lang;
      return this;
    }

    public Builder fingerprint(long fingerprint) {
      this.fingerprint = fingerprint;
      return this;
    }

    public Builder duplicateOf(@Nullable String duplicateOf) {
      this.duplicateOf = duplicateOf;
      return this;
    }

    public Builder labels(@Nullable Map<String, Label> labels) {
      this.labels = labels;
      return this;
    }

    public Builder project(@Nullable String project) {
      this.project = project;
      return this;
    }

    // the fields left unset are null here: the constructor turns them into their defaults (an
    // empty text, no links, the post's own id as thread) or refuses them with a message that names
    // the field, as it does for any caller
    @SuppressWarnings("NullAway")
    public Post build() {
      return new Post(
          id,
          source,
          threadId,
          parentId,
          kind,
          author,
          url,
          title,
          text,
          html,
          published,
          engagement,
          links,
          mentions,
          hashtags,
          lang,
          fingerprint,
          duplicateOf,
          labels,
          project);
    }
  }
}
