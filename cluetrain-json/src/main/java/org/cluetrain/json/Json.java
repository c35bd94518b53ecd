package org.cluetrain.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured JSON mapper. Every module reads and writes JSON through it, so that a time, a
 * duration or a record looks the same wherever it is written:
 *
 * <ul>
 *   <li>{@code java.time} values are ISO-8601 text: instants as {@code 2024-05-01T10:00:00Z} with
 *       their nanoseconds, durations as {@code PT5H}; offsets are kept as written when read back;
 *   <li>records are written by their component names ({@code camelCase});
 *   <li>otherwise Jackson's defaults: unknown properties fail a typed read, nulls are written.
 * </ul>
 *
 * <p>Where a use needs a different reading or writing feature it derives an {@code ObjectReader} or
 * {@code ObjectWriter} from {@link #mapper()} ({@code mapper().reader().with(…)}), which shares
 * this configuration and its caches. Only the property names cannot be chosen per reader or writer:
 * what Cluetrain publishes (the HTTP API, alerts) uses {@link #snakeCase()}.
 *
 * <p>Both mappers are configured once here and must not be reconfigured by their users.
 */
public final class Json {
  private static final JsonMapper MAPPER = configured().build();
  private static final JsonMapper SNAKE_CASE =
      configured().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private Json() {}

  private static JsonMapper.Builder configured() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /** The mapper: record components by their names, {@code java.time} values as ISO-8601. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * The same configuration with {@code snake_case} property names: the shape of what the HTTP API
   * and alert deliveries publish.
   */
  public static JsonMapper snakeCase() {
    return SNAKE_CASE;
  }
}
