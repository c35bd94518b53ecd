/**
 * Retention: removing posts and closed inbox items once they have been kept as long as the
 * workspace says, per project and per source, while the figures they counted in stay.
 *
 * <p>{@link org.cluetrain.app.retention.RetentionPolicy} says how long a source is kept, {@link
 * org.cluetrain.app.retention.Retention} removes what has expired from every store, and {@link
 * org.cluetrain.app.retention.RetentionSchedule} runs it when the server starts and daily.
 */
package org.cluetrain.app.retention;
