package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.letta.code.testkit.script.HttpExchange;
import ai.letta.code.testkit.script.RecordedRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One routed request: path parameters, query, JSON body, and FastAPI-style answers. */
final class ApiCall {

    private final HttpExchange exchange;
    private final Map<String, String> pathParameters;

    ApiCall(HttpExchange exchange, Map<String, String> pathParameters) {
        this.exchange = exchange;
        this.pathParameters = pathParameters;
    }

    HttpExchange exchange() {
        return exchange;
    }

    RecordedRequest request() {
        return exchange.request();
    }

    String path(String name) {
        return pathParameters.get(name);
    }

    Optional<String> query(String name) {
        return request().queryParameter(name);
    }

    int queryInt(String name, int fallback) {
        try {
            return query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The JSON body; an empty object when the body is empty or not JSON (a fake stays lenient). */
    JsonNode body() {
        try {
            JsonNode body = request().json();
            return body.isMissingNode() ? JSON.createObjectNode() : body;
        } catch (IllegalStateException | JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    void ok(JsonNode body) {
        exchange.respondJson(200, body);
    }

    void okList(List<? extends JsonNode> items) {
        exchange.respondJson(200, LettaStore.array(items));
    }

    /** FastAPI's error body: {@code {"detail": "..."}}. */
    void error(int status, String detail) {
        exchange.respondJson(status, JSON.createObjectNode().put("detail", detail));
    }

    /** FastAPI's 422: {@code {"detail": [{"loc": [...], "msg": ..., "type": "value_error"}]}}. */
    void invalid(String message, Object... loc) {
        ObjectNode error = JSON.createObjectNode();
        ArrayNode path = error.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer index) {
                path.add(index);
            } else {
                path.add(part.toString());
            }
        }
        error.put("msg", message).put("type", "value_error");
        ObjectNode body = JSON.createObjectNode();
        body.putArray("detail").add(error);
        exchange.respondJson(422, body);
    }

    void notFound(String what) {
        error(404, what + " not found");
    }

    /**
     * A page of a list endpoint as the Letta API pages: {@code order} (asc/desc) decides the direction, then the
     * id cursors {@code after}/{@code before} are relative to that order (cloud.md §2.9), then {@code limit}.
     */
    ArrayNode page(List<ObjectNode> chronological, String defaultOrder, int defaultLimit) {
        List<ObjectNode> items = new ArrayList<>(chronological);
        if ("desc".equalsIgnoreCase(query("order").orElse(defaultOrder))) {
            Collections.reverse(items);
        }
        Optional<String> after = query("after");
        if (after.isPresent()) {
            int at = indexOf(items, after.get());
            items = at < 0 ? items : new ArrayList<>(items.subList(at + 1, items.size()));
        }
        Optional<String> before = query("before");
        if (before.isPresent()) {
            int at = indexOf(items, before.get());
            items = at < 0 ? items : new ArrayList<>(items.subList(0, at));
        }
        int limit = queryInt("limit", defaultLimit);
        if (limit >= 0 && items.size() > limit) {
            items = items.subList(0, limit);
        }
        return LettaStore.array(items);
    }

    private static int indexOf(List<ObjectNode> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).path("id").asString())) {
                return i;
            }
        }
        return -1;
    }
}
