package ai.letta.code.testkit.fakeapi;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import ai.letta.code.testkit.script.HttpExchange;
import ai.letta.code.testkit.script.LoopbackHttpServer;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.RequestJournal;
import ai.letta.code.testkit.script.Responder;
import ai.letta.code.testkit.script.ScriptQueue;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import tools.jackson.databind.JsonNode;

/**
 * A scriptable Letta API on {@code 127.0.0.1}: what the real Letta Code CLI (API mode: {@code LETTA_BASE_URL},
 * {@code LETTA_API_KEY}) and app server talk to in tests, and the cloud transport's peer.
 *
 * <p>It keeps agents, memory blocks, conversations, messages, runs, models, tools, archives and passages in
 * memory and serves the endpoints of offline-peers.md §5.2, app-server-ws.md §4.3 and cloud.md §2. Turns
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
public final class FakeLettaApi implements AutoCloseable {

    /** The model handle served when the builder names none. */
    public static final String DEFAULT_MODEL = "anthropic/fake-claude";

    private static final Pattern SCOPED_GET = Pattern.compile("^/v1/(agents|conversations)/[^/]+/.+");
    private static final Pattern TURN_PATH = Pattern.compile(
            "^/v1/(conversations/[^/]+/(messages|stream)|agents/[^/]+/messages(/stream)?|runs/[^/]+/stream)/?$");

    private final RequestJournal journal = new RequestJournal();
    private final LettaStore store = new LettaStore();
    private final ConversationStore conversations = new ConversationStore();
    private final ScriptQueue scripts;
    private final Router router = new Router();
    private final TurnEndpoint turns;
    private final LoopbackHttpServer server;

    private FakeLettaApi(Builder builder) {
        builder.models.forEach(store::addModel);
        scripts = new ScriptQueue(builder.responder);
        ArchiveStore archives = new ArchiveStore();
        turns = new TurnEndpoint(store, conversations, scripts);
        new AgentRoutes(store, conversations, archives, turns).register(router);
        new ConversationRoutes(store, conversations, turns).register(router);
        new ResourceRoutes(store, archives).register(router);
        server = LoopbackHttpServer.start("fake-letta-api", journal, this::serve);
    }

    /** Starts a fake with the default model and the deterministic responder. */
    public static FakeLettaApi start() {
        return builder().start();
    }

    /** Options for a fake; {@link Builder#start()} binds it. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code LETTA_BASE_URL} (the paths carry {@code /v1}). */
    public URI baseUrl() {
        return URI.create(server.origin());
    }

    /** The bound loopback port. */
    public int port() {
        return server.port();
    }

    /** Queues a script for the next turn of any conversation. */
    public void enqueue(TurnScript script) {
        scripts.enqueue(script);
    }

    /** Queues a script for the next turn of one conversation (an id, or an agent id for its default thread). */
    public void enqueue(String conversationId, TurnScript script) {
        scripts.enqueue(key(conversationId), script);
    }

    /** Replaces the fallback used when no queued script is waiting. */
    public void responder(Responder responder) {
        scripts.responder(responder);
    }

    /** Queued scripts that no turn has started yet. */
    public int pendingScripts() {
        return scripts.pending();
    }

    /** The oldest request not taken yet, waiting up to {@code timeout}; fails with an AssertionError if none. */
    public RecordedRequest takeRequest(Duration timeout) {
        return journal.take(timeout);
    }

    /** The oldest request not taken yet, or empty after {@code timeout}. */
    public Optional<RecordedRequest> pollRequest(Duration timeout) {
        return journal.poll(timeout);
    }

    /** The first request (taken or not) matching {@code filter}, waiting up to {@code timeout}. */
    public RecordedRequest awaitRequest(Predicate<RecordedRequest> filter, Duration timeout) {
        return journal.await(filter, timeout);
    }

    /** How many requests arrived. */
    public int requestCount() {
        return journal.count();
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /**
     * The turn requests answered so far (message posts and stream re-attaches), parsed as the scripts saw them:
     * user text, tool result, offered tools. Oldest first.
     */
    public List<TurnRequest> turns() {
        return turns.answered();
    }

    /** Whether {@code request} is a turn request (a message post or a stream re-attach). */
    public static boolean isTurnRequest(RecordedRequest request) {
        return request.method().equals("POST") && TURN_PATH.matcher(request.path()).matches();
    }

    /**
     * Creates an agent as {@code POST /v1/agents} would (e.g. {@code name}, {@code system}, {@code model},
     * {@code memory_blocks: [{label, value}]}), to seed state a test resumes; returns its id.
     */
    public String createAgent(Map<String, ?> body) {
        return store.createAgent(LettaStore.JSON.valueToTree(new LinkedHashMap<>(body))).get("id").stringValue();
    }

    /** The AgentState of {@code agentId}, as {@code GET /v1/agents/{id}} returns it. */
    public Optional<JsonNode> agent(String agentId) {
        return store.agent(agentId).map(JsonNode.class::cast);
    }

    /** Every agent, oldest first. */
    public List<JsonNode> agents() {
        return new ArrayList<>(store.agents());
    }

    /** Every conversation, oldest first. */
    public List<JsonNode> conversations() {
        return new ArrayList<>(conversations.all());
    }

    /**
     * The history of a conversation (or of an agent's default thread, by agent id), oldest first: what clients
     * posted and what the fake streamed, as Letta messages.
     */
    public List<JsonNode> messages(String conversationId) {
        return new ArrayList<>(conversations.messages(key(conversationId)));
    }

    /** Every run, oldest first: one per scripted step, with its final {@code status} and {@code stop_reason}. */
    public List<JsonNode> runs() {
        return new ArrayList<>(conversations.runs());
    }

    /** Stops serving; closes every connection. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "FakeLettaApi[" + server.origin() + ", " + journal.count() + " requests]";
    }

    private String key(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        return store.hasAgent(conversationId) ? ConversationStore.defaultKey(conversationId) : conversationId;
    }

    private void serve(HttpExchange exchange) {
        if (router.dispatch(exchange)) {
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

        private Builder() {
        }

        /**
         * Serves a model handle ({@code provider/model}) with a 128000-token context window. The first one added
         * is the default for new agents. Without any, {@value #DEFAULT_MODEL} is served.
         */
        public Builder model(String handle) {
            return model(handle, 128000);
        }

        /** Serves a model handle with a given context window. */
        public Builder model(String handle, int contextWindow) {
            if (contextWindow <= 0) {
                throw new IllegalArgumentException("contextWindow must be > 0, was " + contextWindow);
            }
            models.put(Objects.requireNonNull(handle, "handle"), contextWindow);
            return this;
        }

        /** The fallback when no queued script is waiting; default {@link Responder#deterministic()}. */
        public Builder responder(Responder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /** Binds the fake on a free loopback port. */
        public FakeLettaApi start() {
            if (models.isEmpty()) {
                models.put(DEFAULT_MODEL, 128000);
            }
            return new FakeLettaApi(this);
        }
    }
}
