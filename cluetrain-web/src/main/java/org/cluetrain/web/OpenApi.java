package org.cluetrain.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI 3.1 description of the HTTP API, generated from {@link ApiRoutes}. */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(String version) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.1.0");
    document.put(
        "info",
        Map.of(
            "title",
            "Cluetrain API",
            "version",
            version,
            "description",
            "The HTTP API of a Cluetrain server. Every call needs a session or an API token"
                + " (Authorization: Bearer …); what a caller sees is limited by their role and"
                + " projects."));
    document.put(
        "components",
        Map.of(
            "securitySchemes",
            Map.of(
                "token", Map.of("type", "http", "scheme", "bearer"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "cluetrain_session"))));
    document.put("security", List.of(Map.of("token", List.of()), Map.of("session", List.of())));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoutes.Route route : ApiRoutes.all()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> path =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      path.put(route.method().toLowerCase(Locale.ROOT), operation(route));
    }
    document.put("paths", paths);
    return document;
  }

  private static Map<String, Object> operation(ApiRoutes.Route route) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("summary", route.summary());
    operation.put(
        "operationId",
        route.method().toLowerCase(Locale.ROOT)
            + route.path().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", ""));
    List<Map<String, Object>> parameters = new java.util.ArrayList<>();
    for (String name : route.pathParameters()) {
      parameters.add(
          Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
    }
    for (String name : route.query()) {
      parameters.add(
          Map.of(
              "name", name, "in", "query", "required", false, "schema", Map.of("type", "string")));
    }
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("description", route.summary());
    if (!route.mediaTypes().isEmpty()) {
      Map<String, Object> content = new LinkedHashMap<>();
      route.mediaTypes().forEach(type -> content.put(type, Map.of()));
      success.put("content", content);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(Integer.toString(route.status()), success);
    Map<String, Object> error =
        Map.of(
            "description",
            "refused: the error says why",
            "content",
            Map.of(
                ApiRoutes.JSON,
                Map.of(
                    "schema",
                    Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of("error", Map.of("type", "string"))))));
    responses.put("4XX", error);
    operation.put("responses", responses);
    return operation;
  }
}
