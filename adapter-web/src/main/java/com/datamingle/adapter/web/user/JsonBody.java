package com.datamingle.adapter.web.user;

import com.datamingle.adapter.web.error.RequestRejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PATCH body at the edge: it must be {@code application/json}, well-formed, within the size
 * limit (Javalin refuses larger bodies with 413), and an object whose fields are all editable.
 * Unknown and read-only fields are named in a 422.
 */
final class JsonBody {
  private final ObjectMapper json;

  JsonBody(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode object(Context ctx, Set<String> editable, Set<String> readOnly) {
    String contentType = ctx.contentType();
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw RequestRejected.unsupportedMediaType(
          "send the body as application/json (got "
              + (contentType == null ? "no Content-Type" : "'" + abbreviate(contentType) + "'")
              + ")");
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw RequestRejected.malformed("the request body is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw RequestRejected.malformed(
          "the body is not valid JSON"
              + (at == null
                  ? " or is nested too deeply"
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + "; send a JSON object");
    } catch (java.io.IOException e) {
      throw RequestRejected.malformed("the body could not be read; send a JSON object");
    }
    if (node == null || !node.isObject()) {
      throw RequestRejected.invalid(
          Map.of("body", "must be a JSON object such as {\"first_name\": \"Ada\"}"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (readOnly.contains(name)) {
                errors.put(name, "is read-only");
              } else if (!editable.contains(name)) {
                errors.put(
                    abbreviate(name),
                    "is not a known field; editable fields are "
                        + String.join(", ", editable.stream().sorted().toList()));
              }
            });
    if (!errors.isEmpty()) {
      throw RequestRejected.invalid(errors);
    }
    return (ObjectNode) node;
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
