package org.cluetrain.app.privacy;

import java.util.List;
import java.util.Map;

/**
 * What erasing a person did.
 *
 * @param subject what the requester gave to name the person
 * @param erased per store, how many records were deleted or changed
 * @param notes what the operator should know (uploads still waiting, projects pseudonymised)
 */
public record ErasureReport(String subject, Map<String, Integer> erased, List<String> notes) {
  public ErasureReport {
    erased = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(erased));
    notes = List.copyOf(notes);
  }
}
