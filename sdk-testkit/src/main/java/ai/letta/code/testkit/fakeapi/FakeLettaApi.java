package ai.letta.code.testkit.fakeapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import ai.letta.code.testkit.script.HttpExchange;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.Responder;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.script.WebSocketEndpoint;
import tools.jackson.databind.JsonNode;

/**
 * A scriptable Letta API on {@code 127.0.0.1}: what the real Letta Code CLI (API mode: {@code LETTA_BASE_URL},
 * {@code LETTA_API_KEY}) and app server talk to in tests, and the cloud transport's peer.
 *
 * <p>It keeps agents, memory blocks, conversations, messages, runs, models, tools, archives and passages in
 * memory and serves the endpoints of offline-peers.md §5.2, app-server-ws.md §4.3 and cloud.md §2, agent files
 * ({@code GET /v1/agents/{id}/export}, {@code POST /v1/agents/import}) and context overviews among them. Turns
 * ({@code POST /v1/conversations/{id}/messages} and the agent-level equivalents) stream scripted
 * {@link TurnScript}s as Letta SSE: scripts queued per conversation, then for any conversation, then the
 * {@link Responder} (by default {@link Responder#deterministic()}). Every request is recorded:
 *
 * <pre>{@code
 * try (FakeLettaApi api = FakeLettaApi.start()) {
 *     api.enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
 *             .toolCall("Bash", Map.of("command", "touch approved.txt && echo ok", "description", "write"))
 *             .assistant("tool said: ok").build());
 *     // start the CLI with LETTA_BASE_URL=api.baseUrl(), LETTA_API_KEY=anything ...
 *     RecordedRequest approval = api.awaitRequest(r -> r.body().contains("\"approvals\""), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>The model list serves {@value #DEFAULT_MODEL} unless the builder names others; an {@code anthropic/*}
 * handle makes the CLI pick its Bash toolset (offline-peers.md §4.4). Unknown GETs below an agent or a
 * conversation answer {@code []} (the CLI probes {@code /secrets}, {@code /mcp-servers}, ...), anything else 404.
 *
 * <p>How CLI 0.32.18 reacts to the scripted faults (verified; plan scripts accordingly): a 5xx is retried three
 * times (1, 2, 4 s apart), so a hard failure needs four {@code httpError} steps; a 4xx ends the turn at once; a
 * 409 {@code pendingApproval()} makes it list the conversation's messages and retry, which the next step
 * answers; a {@code dropConnection()} makes it re-attach through {@code POST /v1/runs/{id}/stream}, which the
 * next step answers (404 when the script has none); {@code error(...)} reaches stdout as an {@code error} line,
 * {@code errorEvent(...)} does not; an interrupt closes the stream, which discards the rest of its script.
 *
 * <p>Thread-safe. One daemon event-loop thread serves every connection; scripts' delays never block it.
 * {@link #close()} closes every connection, stalled streams included.
 */
public final class FakeLettaApi extends ScriptedServer {

    /** The model handle served when the builder names none. */
    public static final String DEFAULT_MODEL = "anthropic/fake-claude";

    private static final Pattern SCOPED_GET = Pattern.compile("^/v1/(agents|conversations)/[^/]+/.+");
    private static final Pattern TURN_PATH = Pattern.compile(
            "^/v1/(conversations/[^/]+/(messages|stream)|agents/[^/]+/messages(/stream)?|runs/[^/]+/stream)/?$");

    private final LettaStore store = new LettaStore();
    private final ConversationStore conversations = new ConversationStore();
    private final Router router = new Router();
    private final TurnEndpoint turns;
    private final Predicate<HttpExchange> front;

    private FakeLettaApi(Builder builder) {
        super("fake-letta-api", builder.responder, builder.webSockets);
        front = builder.front;
        builder.models.forEach(store::addModel);
        ArchiveStore archives = new ArchiveStore();
        turns = new TurnEndpoint(store, conversations, scripts);
        new ArchiveRoutes(store, archives).register(router);
        new MessageRoutes(store, conversations, turns).register(router);
        new AgentRoutes(store, conversations, turns).register(router);
        new ConversationRoutes(store, conversations, turns).register(router);
        ToolStore tools = new ToolStore();
        store.toolsOf(tools::rendered);
        store.attachTools(tools::attachNamed);
        new ToolRoutes(store, tools).register(router);
        new AgentFileRoutes(store, tools, conversations).register(router);
        new BlockRoutes(store).register(router);
        new ResourceRoutes(store).register(router);
        GroupStore groups = new GroupStore(store);
        store.sleeptime(groups);
        new GroupRoutes(store, groups).register(router);
    }

    /**
     * Starts a fake with the default model and the deterministic responder.
     *
     * @return the running fake
     */
    public static FakeLettaApi start() {
        return builder().start();
    }

    /**
     * Options for a fake; {@link Builder#start()} binds it.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code LETTA_BASE_URL} (the paths carry {@code /v1}). */
    @Override
    public URI baseUrl() {
        return URI.create(origin());
    }

    /**
     * Queues a script for the next turn of one conversation (an id, or an agent id for its default thread).
     *
     * @param conversationId the conversation, or an agent id
     * @param script the script
     */
    public void enqueue(String conversationId, TurnScript script) {
        scripts.enqueue(key(conversationId), script);
    }

    /**
     * The turn requests answered so far (message posts and stream re-attaches), parsed as the scripts saw them:
     * user text, tool result, offered tools. Oldest first.
     */
    @Override
    public List<TurnRequest> turns() {
        return turns.answered();
    }

    /**
     * The system prompt a Letta server would compile for the agent a turn request belongs to (its {@code system}
     * text followed by its memory blocks): a Letta server holds the prompt, clients send only messages, so this is
     * what the model "received". Empty when the request names no known agent or conversation.
     */
    @Override
    public Optional<String> systemPromptOf(TurnRequest turn) {
        return agentOf(turn).map(FakeLettaApi::compiledSystem);
    }

    /**
     * Whether {@code request} is a turn request (a message post or a stream re-attach).
     *
     * @param request a recorded request
     * @return whether it is one
     */
    public static boolean isTurnRequest(RecordedRequest request) {
        return request.method().equals("POST") && TURN_PATH.matcher(request.path()).matches();
    }

    /**
     * Creates an agent as {@code POST /v1/agents} would (e.g. {@code name}, {@code system}, {@code model},
     * {@code memory_blocks: [{label, value}]}), to seed state a test resumes; returns its id.
     *
     * @param body the agent's fields, as the API takes them
     * @return the agent's id
     */
    public String createAgent(Map<String, ?> body) {
        return store.createAgent(LettaStore.JSON.valueToTree(new LinkedHashMap<>(body))).get("id").stringValue();
    }

    /**
     * The AgentState of {@code agentId}, as {@code GET /v1/agents/{id}} returns it.
     *
     * @param agentId the agent
     * @return the agent, or empty if there is none
     */
    public Optional<JsonNode> agent(String agentId) {
        return store.agent(agentId).map(JsonNode.class::cast);
    }

    /** @return every agent, oldest first */
    public List<JsonNode> agents() {
        return new ArrayList<>(store.agents());
    }

    /** @return every conversation, oldest first */
    public List<JsonNode> conversations() {
        return new ArrayList<>(conversations.all());
    }

    /**
     * The history of a conversation (or of an agent's default thread, by agent id), oldest first: what clients
     * posted and what the fake streamed, as Letta messages.
     *
     * @param conversationId the conversation, or an agent id
     * @return the messages
     */
    public List<JsonNode> messages(String conversationId) {
        return new ArrayList<>(conversations.messages(key(conversationId)));
    }

    /** @return every run, oldest first: one per scripted step, with its final {@code status} and {@code stop_reason} */
    public List<JsonNode> runs() {
        return new ArrayList<>(conversations.runs());
    }

    /** The agent a turn request belongs to: by conversation, by agent-scoped path, or by the body's agent id. */
    private Optional<JsonNode> agentOf(TurnRequest turn) {
        for (String segment : turn.recorded().path().split("/")) {
            if (store.hasAgent(segment)) {
                return agent(segment);
            }
            Optional<String> owner = conversations.get(segment).map(c -> c.path("agent_id").asString());
            if (owner.isPresent()) {
                return agent(owner.get());
            }
        }
        String agentId = turn.recorded().json().path("agent_id").asString("");
        return agentId.isEmpty() ? Optional.empty() : agent(agentId);
    }

    private static String compiledSystem(JsonNode agent) {
        StringBuilder prompt = new StringBuilder(agent.path("system").asString(""));
        for (JsonNode block : agent.path("memory").path("blocks")) {
            String label = block.path("label").asString("");
            prompt.append("\n<").append(label).append(">\n").append(block.path("value").asString(""))
                    .append("\n</").append(label).append(">");
        }
        return prompt.toString();
    }

    private String key(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        return store.hasAgent(conversationId) ? ConversationStore.defaultKey(conversationId) : conversationId;
    }

    @Override
    protected void serve(HttpExchange exchange) {
        if (front.test(exchange) || router.dispatch(exchange)) {
            return;
        }
        RecordedRequest request = exchange.request();
        if (request.method().equals("GET") && SCOPED_GET.matcher(request.path()).matches()) {
            exchange.respondJson(200, LettaStore.JSON.createArrayNode());
        } else {
            exchange.respondJson(404, LettaStore.JSON.createObjectNode()
                    .put("detail", "Not Found: " + request.method() + " " + request.path()));
        }
    }

    /** Options for {@link FakeLettaApi}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> models = new LinkedHashMap<>();
        private Responder responder = Responder.deterministic();
        private Predicate<HttpExchange> front = exchange -> false;
        private WebSocketEndpoint webSockets;

        private Builder() {
        }

        /**
         * Serves a model handle ({@code provider/model}) with a 128000-token context window. The first one added
         * is the default for new agents. Without any, {@value #DEFAULT_MODEL} is served.
         *
         * @param handle the model handle
         * @return this builder
         */
        public Builder model(String handle) {
            return model(handle, 128000);
        }

        /**
         * Serves a model handle with a given context window.
         *
         * @param handle the model handle
         * @param contextWindow its context window, in tokens
         * @return this builder
         */
        public Builder model(String handle, int contextWindow) {
            if (contextWindow <= 0) {
                throw new IllegalArgumentException("contextWindow must be > 0, was " + contextWindow);
            }
            models.put(Objects.requireNonNull(handle, "handle"), contextWindow);
            return this;
        }

        /**
         * The fallback when no queued script is waiting; default {@link Responder#deterministic()}.
         *
         * @param responder the fallback
         * @return this builder
         */
        public Builder responder(Responder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /**
         * Serves requests ahead of the Letta API, on the event loop (must not block): {@code handler} answers an
         * exchange and returns true, or returns false and leaves it to the API. How a fake that adds endpoints
         * (e.g. a fake Letta Cloud's control plane) shares this port.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder front(Predicate<HttpExchange> handler) {
            this.front = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Takes websocket upgrades to the paths {@code endpoint} handles, on the same port.
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder webSockets(WebSocketEndpoint endpoint) {
            this.webSockets = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        /**
         * Binds the fake on a free loopback port.
         *
         * @return the running fake
         */
        public FakeLettaApi start() {
            if (models.isEmpty()) {
                models.put(DEFAULT_MODEL, 128000);
            }
            return new FakeLettaApi(this);
        }
    }
}
