package org.cluetrain.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API's table of contents, served at {@code /api}: each route of {@link ApiRoutes} as
 * {@code METHOD /path?parameter=…} with what it does. The full description is {@code
 * /api/openapi.json}.
 */
final class ApiIndex {
  private ApiIndex() {}

  static Map<String, String> endpoints() {
    Map<String, String> api = new LinkedHashMap<>();
    for (ApiRoutes.Route route : ApiRoutes.all()) {
      StringBuilder key = new StringBuilder(route.method()).append(' ').append(route.path());
      char separator = '?';
      for (String parameter : route.query()) {
        key.append(separator).append(parameter).append("=…");
        separator = '&';
      }
      api.put(key.toString(), route.summary());
    }
    return api;
  }
}
