package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.HttpExchange;
import ai.letta.code.testkit.script.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake cloud's REST control plane (cloud-relay.md §11), in front of the Letta API on the same port: scripted
 * failures first (for any path, Letta API ones too), then Bearer auth and the environment and sandbox routes. Other
 * paths fall through to the Letta API, which checks no key. Runs on the event loop.
 */
final class ControlPlane {

    private static final Pattern CONTROL_PATHS = Pattern.compile(
            "^/v1/(environments(/.*)?|sandboxes/.*|agents/[^/]+/sandboxes(/.*)?)$");
    private static final Pattern ENVIRONMENT = Pattern.compile("^/v1/environments/([^/]+)/?$");
    private static final Pattern MESSAGES = Pattern.compile("^/v1/environments/([^/]+)/messages/?$");
    private static final Pattern AGENT_SANDBOXES = Pattern.compile("^/v1/agents/([^/]+)/sandboxes/?$");
    private static final Pattern AGENT_REFRESH = Pattern.compile("^/v1/agents/([^/]+)/sandboxes/refresh/?$");
    private static final Pattern SANDBOX_ACTION = Pattern.compile("^/v1/sandboxes/([^/]+)/(refresh|terminate)/?$");
    private static final String ORGANIZATION = "org-fake-1";
    private static final String POD = "pod-fake-1";

    private final EnvironmentRegistry registry;
    private final Relay relay;
    private final CloudFaults faults;
    private final ApiKeyCheck keys;
    private final SocketMode mode;
    private volatile String wsOrigin;
    private volatile FakeLettaApi api;
    private volatile SandboxFleet fleet;

    ControlPlane(EnvironmentRegistry registry, Relay relay, CloudFaults faults, ApiKeyCheck keys, SocketMode mode) {
        this.registry = registry;
        this.relay = relay;
        this.faults = faults;
        this.keys = keys;
        this.mode = mode;
    }

    /** Completes the wiring once the server is bound; no request reaches {@link #serve} before. */
    void bind(FakeLettaApi api, SandboxFleet fleet) {
        this.wsOrigin = "ws://127.0.0.1:" + api.port();
        this.api = api;
        this.fleet = fleet;
    }

    /** Answers a control-plane request or a scripted failure; false leaves the request to the Letta API. */
    boolean serve(HttpExchange exchange) {
        RecordedRequest request = exchange.request();
        Optional<HttpFailure> failure = faults.take(request.method(), request.path());
        if (failure.isPresent()) {
            HttpFailure fail = failure.get();
            exchange.respondJson(fail.status(), CloudWire.JSON.readTree(fail.body()),
                    fail.retryAfterSeconds() == null ? Map.of()
                            : Map.of("Retry-After", Integer.toString(fail.retryAfterSeconds())));
            return true;
        }
        if (!CONTROL_PATHS.matcher(request.path()).matches()) {
            return false;
        }
        if (!keys.bearer(request)) {
            exchange.respondJson(401, CloudWire.error("unauthorized", "Invalid API key"));
            return true;
        }
        route(exchange, request.method(), request.path());
        return true;
    }

    private void route(HttpExchange exchange, String method, String path) {
        Matcher m;
        if (method.equals("POST") && path.matches("^/v1/environments/register/?$")) {
            register(exchange);
        } else if (method.equals("GET") && path.matches("^/v1/environments/?$")) {
            list(exchange);
        } else if (method.equals("POST") && (m = MESSAGES.matcher(path)).matches()) {
            message(exchange, m.group(1));
        } else if (method.equals("GET") && (m = ENVIRONMENT.matcher(path)).matches()) {
            Optional<Environment> environment = registry.environment(m.group(1));
            if (environment.isPresent()) {
                exchange.respondJson(200, json(environment.get()));
            } else {
                exchange.respondJson(404, CloudWire.error("environment_not_found", "Environment not found"));
            }
        } else if (method.equals("POST") && (m = AGENT_REFRESH.matcher(path)).matches()) {
            refreshed(exchange, fleet.refreshForAgent(m.group(1), ttl(exchange)));
        } else if (method.equals("POST") && (m = AGENT_SANDBOXES.matcher(path)).matches()) {
            createSandbox(exchange, m.group(1));
        } else if (method.equals("DELETE") && (m = AGENT_SANDBOXES.matcher(path)).matches()) {
            int terminated = fleet.terminateForAgent(m.group(1));
            if (terminated == 0) {
                exchange.respondJson(404, CloudWire.error("sandbox_not_found", "No live sandbox for this agent"));
            } else {
                exchange.respondJson(200, CloudWire.JSON.createObjectNode().put("success", true)
                        .put("terminated", terminated));
            }
        } else if (method.equals("POST") && (m = SANDBOX_ACTION.matcher(path)).matches()) {
            if (m.group(2).equals("refresh")) {
                refreshed(exchange, fleet.refresh(m.group(1), ttl(exchange)));
            } else if (fleet.terminate(m.group(1))) {
                exchange.respondJson(200, CloudWire.JSON.createObjectNode().put("success", true)
                        .put("sandboxId", m.group(1)));
            } else {
                exchange.respondJson(404, CloudWire.error("sandbox_not_found", "Sandbox not found"));
            }
        } else {
            exchange.respondJson(404, CloudWire.error("not_found", "Not Found: " + method + " " + path));
        }
    }

    private void register(HttpExchange exchange) {
        JsonNode body = body(exchange);
        String deviceId = body.path("deviceId").asString("");
        String connectionName = body.path("connectionName").asString("");
        if (deviceId.isEmpty() || connectionName.isEmpty()) {
            exchange.respondJson(400, CloudWire.error("invalid_request", "deviceId and connectionName are required"));
            return;
        }
        ListenerConnection connection = registry.register(deviceId, connectionName, body.path("metadata"), mode);
        exchange.respondJson(200, CloudWire.JSON.createObjectNode().put("connectionId", connection.id)
                .put("wsUrl", wsOrigin + CloudSockets.listenerPath(connection.id))
                .put("supportsSplitStatusChannels", mode.split())
                .put("supportsPairedListenerGenerations", mode.paired()));
    }

    private void list(HttpExchange exchange) {
        boolean onlineOnly = exchange.request().queryParameter("onlineOnly").map("true"::equals).orElse(false);
        ObjectNode answer = CloudWire.JSON.createObjectNode();
        ArrayNode connections = answer.putArray("connections");
        registry.environments().stream().filter(e -> !onlineOnly || e.online()).map(ControlPlane::json)
                .forEach(connections::add);
        exchange.respondJson(200, answer.put("hasNextPage", false));
    }

    private void message(HttpExchange exchange, String connectionId) {
        Optional<ListenerConnection> connection = registry.current(connectionId);
        if (connection.isEmpty()) {
            exchange.respondJson(404, CloudWire.error("environment_not_found", "Environment not found"));
            return;
        }
        JsonNode body = body(exchange);
        ObjectNode frame = CloudWire.JSON.createObjectNode().put("type", "message")
                .put("agentId", body.path("agentId").asString(null))
                .put("conversationId", body.path("conversationId").asString(null));
        frame.set("messages", body.path("messages").isArray() ? body.get("messages")
                : CloudWire.JSON.createArrayNode());
        if (relay.toListener(connection.get(), frame.toString())) {
            exchange.respondJson(200, CloudWire.JSON.createObjectNode().put("success", true)
                    .put("message", "Message sent to environment"));
        } else {
            exchange.respondJson(503, CloudWire.error("environment_offline", "Remote environment is offline"));
        }
    }

    private void createSandbox(HttpExchange exchange, String agentId) {
        if (api.agent(agentId).isEmpty()) {
            exchange.respondJson(404, CloudWire.error("agent_not_found", "Agent " + agentId + " not found"));
            return;
        }
        String conversationId = body(exchange).path("conversationId").asString(null);
        SandboxFleet.Created created = fleet.create(agentId, conversationId);
        Sandbox sandbox = created.sandbox();
        ObjectNode answer = CloudWire.JSON.createObjectNode().put("sandboxId", sandbox.sandboxId())
                .put("deviceId", sandbox.deviceId()).put("connectionName", sandbox.connectionName());
        if (conversationId != null) {
            answer.put("conversationId", conversationId);
        }
        exchange.respondJson(200, answer.put("resumed", created.resumed()));
    }

    private static void refreshed(HttpExchange exchange, Optional<Sandbox> sandbox) {
        if (sandbox.isEmpty()) {
            exchange.respondJson(404, CloudWire.error("sandbox_not_found", "Sandbox not found"));
            return;
        }
        exchange.respondJson(200, CloudWire.JSON.createObjectNode().put("success", true)
                .put("sandboxId", sandbox.get().sandboxId()).put("ttlMinutes", sandbox.get().ttlMinutes()));
    }

    private static int ttl(HttpExchange exchange) {
        int ttl = body(exchange).path("ttlMinutes").asInt(SandboxFleet.DEFAULT_TTL_MINUTES);
        return ttl > 0 ? ttl : SandboxFleet.DEFAULT_TTL_MINUTES;
    }

    /** The JSON body, or an empty object when there is none or it is not JSON (a fake stays lenient). */
    private static JsonNode body(HttpExchange exchange) {
        String text = exchange.request().body();
        return text.isBlank() ? CloudWire.JSON.createObjectNode()
                : CloudWire.object(text).map(JsonNode.class::cast).orElse(CloudWire.JSON.createObjectNode());
    }

    /**
     * One entry of {@code GET /v1/environments}, as the OpenAPI document shapes it: times in epoch milliseconds
     * (null while never connected), {@code currentMode} left out (optional, and the fake does not know it).
     */
    static ObjectNode json(Environment environment) {
        ObjectNode node = CloudWire.JSON.createObjectNode().put("id", environment.id())
                .put("connectionId", environment.connectionId()).put("deviceId", environment.deviceId())
                .put("connectionName", environment.connectionName()).put("organizationId", ORGANIZATION)
                .put("podId", environment.online() ? POD : null)
                .put("connectedAt", millis(environment.connectedAt()))
                .put("lastHeartbeat", millis(environment.lastHeartbeat()))
                .put("lastSeenAt", millis(environment.lastSeenAt()))
                .put("firstSeenAt", millis(environment.firstSeenAt()));
        node.set("metadata", environment.metadata() == null || environment.metadata().isMissingNode()
                ? CloudWire.JSON.createObjectNode() : environment.metadata());
        return node;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
