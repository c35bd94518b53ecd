package org.cluetrain.lucene;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.BytesRef;
import org.cluetrain.json.Json;
import org.cluetrain.store.StoredPost;

/**
 * The stored copy of a post: JSON of the record components, so that reading it back gives an equal
 * {@link StoredPost} (instants keep their nanoseconds).
 */
final class PostJson {
  /** The shared mapper, writing neither nulls nor derived values. */
  private final ObjectMapper mapper =
      Json.mapper()
          .rebuild()
          // derived values such as Engagement.isUnknown() are not data
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  byte[] write(StoredPost post) {
    try {
      return mapper.writeValueAsBytes(post);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write post " + post.post().id() + " as JSON", e);
    }
  }

  StoredPost read(BytesRef bytes) {
    try {
      return mapper.readValue(bytes.bytes, bytes.offset, bytes.length, StoredPost.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a stored post", e);
    }
  }
}
