package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.session.SessionControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Letta Cloud calls a cloud session makes around its relay (cloud.md §1.1, cloud-relay.md §9): create the
 * agent and the conversation, resolve a conversation's agent, find an environment, and create, refresh and
 * terminate a managed sandbox. Creating an agent, a conversation or a sandbox is never retried (a second POST
 * would make a second one); reads, refreshes and terminations are, as {@link LettaHttp} retries idempotent
 * calls. The sandbox and environment endpoints are Letta Cloud's own and absent from the public OpenAPI
 * document. Thread-safe; does not own the {@link LettaHttp}.
 */
public final class ControlPlane implements SessionControl {

    /** The conversation id that names an agent's main thread. */
    public static final String DEFAULT_CONVERSATION = "default";

    /** The most environment pages followed, against a server whose {@code hasNextPage} never ends. */
    private static final int MAX_ENVIRONMENT_PAGES = 100;
    private static final int ENVIRONMENT_PAGE_SIZE = 100;

    private final LettaHttp http;

    /** @param http the client to send with */
    public ControlPlane(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    /**
     * {@code POST /v1/agents} (no trailing slash: Letta Cloud answers 404 with one) with the Letta Code create
     * body ({@code AgentBody}).
     *
     * @param options what the agent is made of
     * @return the new agent's id
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException for a system-prompt preset
     */
    public String createAgent(AgentOptions options) {
        Checks.requireNonNull(options, "AgentOptions");
        Wire.Agent agent = http.call(ApiRequest.post("v1", "agents").body(AgentBody.of(options)).build(),
                Wire.Agent.class);
        if (agent == null || agent.id() == null || agent.id().isBlank()) {
            throw new ProtocolException("POST /v1/agents on the Letta API at " + http.baseUrl()
                    + " answered without an agent id");
        }
        return agent.id();
    }

    /**
     * {@code POST /v1/conversations/?agent_id=<id>} with body {@code {}}.
     *
     * @param agentId the agent
     * @return the new conversation
     * @throws AgentNotFoundException if the agent is unknown
     */
    @Override
    public ConversationInfo createConversation(String agentId) {
        String agent = SessionTarget.requireAgentId(agentId, "agentId");
        Wire.Conversation conversation;
        try {
            conversation = http.call(ApiRequest.post("v1", "conversations").trailingSlash().query("agent_id", agent)
                    .body(Map.of()).build(), Wire.Conversation.class);
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
        if (conversation == null || conversation.id() == null || conversation.id().isBlank()) {
            throw new ProtocolException("POST /v1/conversations/ on the Letta API at " + http.baseUrl()
                    + " answered without a conversation id");
        }
        return WireMapping.conversation(conversation, agent);
    }

    /**
     * {@code GET /v1/conversations/{id}}: which agent a conversation belongs to, to resume it.
     *
     * @param conversationId the conversation
     * @return it
     * @throws ConversationNotFoundException if unknown
     */
    @Override
    public ConversationInfo conversation(String conversationId) {
        String id = Checks.requireText(conversationId, "conversationId").strip();
        try {
            Wire.Conversation conversation = http.call(ApiRequest.get("v1", "conversations", id).build(),
                    Wire.Conversation.class);
            if (conversation == null) {
                throw new ProtocolException("GET /v1/conversations/" + id + " answered an empty body");
            }
            return WireMapping.conversation(conversation, null);
        } catch (NotFoundException e) {
            throw new ConversationNotFoundException("conversation " + id + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
    }

    /**
     * {@code GET /v1/environments}, every page ({@code after} = the last id while {@code hasNextPage}).
     *
     * @return the environments registered for the key's organization
     */
    @Override
    public List<CloudEnvironment> environments() {
        List<CloudEnvironment> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String after = null;
        for (int page = 0; page < MAX_ENVIRONMENT_PAGES; page++) {
            Wire.EnvironmentPage answer = http.call(ApiRequest.get("v1", "environments")
                    .query("limit", ENVIRONMENT_PAGE_SIZE).query("after", after).build(), Wire.EnvironmentPage.class);
            List<Wire.Environment> connections = answer == null || answer.connections() == null ? List.of()
                    : answer.connections();
            connections.stream().filter(c -> c != null).map(WireMapping::environment).forEach(all::add);
            if (answer == null || !Boolean.TRUE.equals(answer.hasNextPage()) || connections.isEmpty()) {
                return all;
            }
            after = connections.get(connections.size() - 1).id();
            if (after == null || !cursors.add(after)) {
                return all;
            }
        }
        return all;
    }

    /**
     * {@code GET /v1/environments/{deviceId}}.
     *
     * @param deviceId the device
     * @return its environment ({@link CloudEnvironment#online()} false while it is offline)
     * @throws NotFoundException if no machine registered with that device id (yet)
     */
    @Override
    public CloudEnvironment environment(String deviceId) {
        String id = Checks.requireText(deviceId, "deviceId").strip();
        Wire.Environment environment = http.call(ApiRequest.get("v1", "environments", id).build(),
                Wire.Environment.class);
        if (environment == null) {
            throw new ProtocolException("GET /v1/environments/" + id + " answered an empty body");
        }
        return WireMapping.environment(environment);
    }

    /**
     * {@code POST /v1/agents/{agentId}/sandboxes} {@code {conversationId?}}: creates a managed sandbox, or hands
     * back the one of that conversation ({@link CloudSandbox#resumed()}).
     *
     * @param agentId the agent
     * @param conversationId the conversation to scope it to, or {@code null} (or {@code "default"}) for the agent
     * @return the sandbox
     * @throws AgentNotFoundException if the agent is unknown
     * @throws ProtocolException if the answer lacks an id or names another conversation
     */
    @Override
    public CloudSandbox createSandbox(String agentId, String conversationId) {
        String agent = SessionTarget.requireAgentId(agentId, "agentId");
        String conversation = conversationId == null || conversationId.isBlank()
                || conversationId.strip().equals(DEFAULT_CONVERSATION) ? null : conversationId.strip();
        Map<String, Object> body = new LinkedHashMap<>();
        if (conversation != null) {
            body.put("conversationId", conversation);
        }
        Wire.Sandbox sandbox;
        try {
            sandbox = http.call(ApiRequest.post("v1", "agents", agent, "sandboxes").body(body).build(),
                    Wire.Sandbox.class);
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl() + " (creating its sandbox)", e);
        }
        String where = "POST /v1/agents/" + agent + "/sandboxes on the Letta API at " + http.baseUrl();
        if (sandbox == null || blank(sandbox.sandboxId()) || blank(sandbox.deviceId())
                || blank(sandbox.connectionName())) {
            throw new ProtocolException(where + " answered without sandboxId, deviceId or connectionName");
        }
        if (conversation != null && sandbox.conversationId() != null
                && !sandbox.conversationId().equals(conversation)) {
            throw new ProtocolException(where + " answered a sandbox of conversation " + sandbox.conversationId()
                    + " for conversation " + conversation);
        }
        return new CloudSandbox(sandbox.sandboxId(), sandbox.deviceId(), sandbox.connectionName(),
                sandbox.conversationId(), Boolean.TRUE.equals(sandbox.resumed()));
    }

    /**
     * {@code POST /v1/sandboxes/{id}/refresh} {@code {ttlMinutes}}; retried like a read, since refreshing twice
     * changes nothing.
     *
     * @param sandboxId the sandbox
     * @param ttlMinutes its new time to live, 1 to 60
     * @return what was granted
     * @throws NotFoundException if the sandbox is gone (reaped after its TTL: the session's sandbox expired)
     */
    @Override
    public SandboxRefresh refreshSandbox(String sandboxId, int ttlMinutes) {
        String id = Checks.requireText(sandboxId, "sandboxId").strip();
        return refresh(ApiRequest.post("v1", "sandboxes", id, "refresh"), id, ttlMinutes);
    }

    /**
     * The agent-scoped refresh, {@code POST /v1/agents/{agentId}/sandboxes/refresh} {@code {ttlMinutes}}.
     *
     * @param agentId the agent whose sandbox to refresh
     * @param ttlMinutes its new time to live, 1 to 60
     * @return what was granted (the server's sandbox id)
     * @throws NotFoundException if the agent has no sandbox
     */
    public SandboxRefresh refreshAgentSandbox(String agentId, int ttlMinutes) {
        String agent = SessionTarget.requireAgentId(agentId, "agentId");
        return refresh(ApiRequest.post("v1", "agents", agent, "sandboxes", "refresh"), null, ttlMinutes);
    }

    /**
     * {@code POST /v1/sandboxes/{id}/terminate} {@code {}}; a sandbox already gone (404) counts as terminated.
     *
     * @param sandboxId the sandbox
     */
    @Override
    public void terminateSandbox(String sandboxId) {
        String id = Checks.requireText(sandboxId, "sandboxId").strip();
        try {
            http.send(ApiRequest.post("v1", "sandboxes", id, "terminate").body(Map.of()).idempotent().build());
        } catch (NotFoundException e) {
            // already reaped: what terminate wanted
        }
    }

    private SandboxRefresh refresh(ApiRequest.Builder request, String sandboxId, int ttlMinutes) {
        if (ttlMinutes < 1 || ttlMinutes > 60) {
            throw new ConfigurationException("sandbox ttlMinutes must be 1 to 60 (got " + ttlMinutes + ")");
        }
        Wire.SandboxRefresh answer = http.call(request.body(Map.of("ttlMinutes", ttlMinutes)).idempotent().build(),
                Wire.SandboxRefresh.class);
        if (answer != null && Boolean.FALSE.equals(answer.success())) {
            throw new ProtocolException("the Letta API at " + http.baseUrl() + " refused to refresh sandbox "
                    + (sandboxId == null ? "of the agent" : sandboxId) + " (success: false)");
        }
        String id = answer != null && !blank(answer.sandboxId()) ? answer.sandboxId() : sandboxId;
        if (sandboxId != null && answer != null && !blank(answer.sandboxId()) && !answer.sandboxId().equals(sandboxId)) {
            throw new ProtocolException("refreshing sandbox " + sandboxId + " on the Letta API at " + http.baseUrl()
                    + " refreshed " + answer.sandboxId() + " instead");
        }
        int granted = answer != null && answer.ttlMinutes() != null && answer.ttlMinutes() > 0 ? answer.ttlMinutes()
                : ttlMinutes;
        return new SandboxRefresh(id, Duration.ofMinutes(granted));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
