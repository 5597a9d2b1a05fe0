package ai.letta.code.transport.cloud.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What an error answer says, from whichever of the Letta API's three shapes it has (cloud.md §2.9): FastAPI's
 * {@code {"detail": string | {code, message, …} | [{loc, msg, type}]}}, the provider errors'
 * {@code {"error": {type, message, detail}}} (or {@code {"error": "…"}}), and the cloud endpoints'
 * {@code {"errorCode", "message"}}. Anything else is quoted as text.
 *
 * @param message the server's message (unredacted), or {@code ""}
 * @param code the machine-readable code ({@code PENDING_APPROVAL}, {@code cloud_api_shutting_down},
 *     {@code llm_rate_limit}, ...), or {@code null}
 * @param fields the field paths a validation error located ({@code detail[].loc} joined with dots, e.g.
 *     {@code body.name}), distinct, in the server's order; empty for every other shape (unredacted)
 */
record ErrorBody(String message, String code, List<String> fields) {

    /** Never a null message or field list. */
    ErrorBody {
        message = message == null ? "" : message;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A body that locates no field. */
    ErrorBody(String message, String code) {
        this(message, code, List.of());
    }

    /**
     * @param body the answer's body
     * @return what it says
     */
    static ErrorBody parse(byte[] body) {
        JsonNode json = JsonCodec.tree(body);
        if (json == null || !json.isObject()) {
            return new ErrorBody(new String(body, StandardCharsets.UTF_8).strip(), null);
        }
        JsonNode detail = json.get("detail");
        if (detail != null && !detail.isNull()) {
            return fromDetail(detail);
        }
        JsonNode error = json.get("error");
        if (error != null && error.isObject()) {
            String message = first(text(error.get("message")), text(error.get("detail")));
            return new ErrorBody(message, first(text(json.get("errorCode")), text(error.get("type"))));
        }
        String message = first(text(json.get("message")), text(error));
        String code = first(text(json.get("errorCode")), text(json.get("code")));
        return new ErrorBody(message == null && code == null ? json.toString() : message, code);
    }

    /** @return whether the conversation waits for a tool approval (409 {@code PENDING_APPROVAL}) */
    boolean pendingApproval() {
        return "PENDING_APPROVAL".equalsIgnoreCase(code)
                || message.toLowerCase(java.util.Locale.ROOT).contains("pending approval");
    }

    /** @return whether Letta Cloud is restarting (503 {@code cloud_api_shutting_down}) */
    boolean shuttingDown() {
        return "cloud_api_shutting_down".equalsIgnoreCase(code);
    }

    private static ErrorBody fromDetail(JsonNode detail) {
        if (detail.isObject()) {
            String message = first(text(detail.get("message")), text(detail.get("detail")), text(detail.get("msg")));
            return new ErrorBody(message == null ? detail.toString() : message,
                    first(text(detail.get("code")), text(detail.get("errorCode"))));
        }
        if (detail.isArray()) {
            List<String> problems = new ArrayList<>();
            Set<String> fields = new LinkedHashSet<>();
            for (JsonNode item : detail) {
                String msg = item.isObject() ? first(text(item.get("msg")), text(item.get("message"))) : text(item);
                JsonNode loc = item.path("loc");
                String where = loc.isArray() ? joined(loc) : null;
                if (where != null && !where.isEmpty()) {
                    fields.add(where);
                }
                problems.add(where == null || where.isEmpty() ? String.valueOf(msg) : where + ": " + msg);
            }
            return new ErrorBody(String.join("; ", problems), null, new ArrayList<>(fields));
        }
        return new ErrorBody(String.valueOf(text(detail)), null);
    }

    private static String joined(JsonNode loc) {
        List<String> parts = new ArrayList<>();
        loc.forEach(part -> parts.add(part.asString()));
        return String.join(".", parts);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
