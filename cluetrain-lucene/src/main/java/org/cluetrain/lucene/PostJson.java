package org.cluetrain.lucene;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.BytesRef;
import org.cluetrain.store.StoredPost;

/**
 * The stored copy of a post: JSON of the record components, so that reading it back gives an equal
 * {@link StoredPost} (instants keep their nanoseconds).
 */
final class PostJson {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          // derived values such as Engagement.isUnknown() are not data
          .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
