package ai.letta.code.testkit.fakemodel;

import static ai.letta.code.testkit.fakemodel.ChatCompletionsRenderer.JSON;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ai.letta.code.testkit.script.HttpExchange;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.Responder;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.SsePlayer;
import ai.letta.code.testkit.script.StepEnding;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import tools.jackson.databind.node.ArrayNode;

/**
 * A scriptable OpenAI-compatible chat-completions server on {@code 127.0.0.1}, the model behind Letta Code's own
 * local backend in tests (offline-peers.md §4): {@code --backend local -m openai-compatible/<model>} with a
 * provider record pointing at {@link #baseUrl()} (see {@code PeerBackend.openAiCompatible}), or
 * {@code LMSTUDIO_BASE_URL} with {@code lmstudio/<model>}.
 *
 * <p>Serves {@code GET /v1/models} (the configured model ids), {@code GET /api/v0/models} as 404 (LM Studio's
 * native API, which the CLI tolerates missing), and {@code POST /v1/chat/completions} as SSE chunks rendered from
 * {@link TurnScript}s: queued scripts in order, then the {@link Responder}. A script's later steps answer the
 * following requests, e.g. the one carrying the tool result. Every request is recorded, so a test can assert
 * that the system prompt carries a persona or which {@code model} a request named after a model switch.
 *
 * <p>How the local backend of CLI 0.32.18 reacts (verified): a 5xx is retried three times (1, 2, 4 s apart,
 * reported as {@code event_message} lines of {@code event_type: "retry"}), a 4xx or an in-stream error ends the
 * turn with an {@code error} line; an interrupt is acknowledged at once but the turn ends only when the stream
 * yields its next chunk, so a stalled or gated stream holds an interrupted turn until it continues or closes.
 *
 * <p>Thread-safe; one daemon event-loop thread. {@link #close()} closes every connection.
 */
public final class FakeModelEndpoint extends ScriptedServer {

    /** The model id served when the builder names none. */
    public static final String DEFAULT_MODEL = "fake-model";

    /** The one script lane: chat completions have no conversation id, so scripts run in arrival order. */
    private static final String LANE = "";

    private final List<String> models;
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final List<TurnRequest> answered = new CopyOnWriteArrayList<>();
    private final Duration stallLimit;

    private FakeModelEndpoint(Builder builder) {
        super("fake-model-endpoint", builder.responder);
        this.models = List.copyOf(builder.models.isEmpty() ? List.of(DEFAULT_MODEL) : builder.models);
        this.stallLimit = builder.stallLimit;
    }

    /**
     * Starts an endpoint serving {@value #DEFAULT_MODEL} with the deterministic responder.
     *
     * @return the running endpoint
     */
    public static FakeModelEndpoint start() {
        return builder().start();
    }

    /**
     * Options; {@link Builder#start()} binds the endpoint.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>/v1}: the provider's base URL. */
    @Override
    public URI baseUrl() {
        return URI.create(origin() + "/v1");
    }

    /** @return the {@code POST /v1/chat/completions} requests so far, oldest first */
    public List<RecordedRequest> chatRequests() {
        return journal.all().stream().filter(FakeModelEndpoint::isChatRequest).toList();
    }

    /**
     * The chat-completions requests answered so far, parsed as the scripts saw them: model, user text, tool
     * result, offered tools. Oldest first.
     */
    @Override
    public List<TurnRequest> turns() {
        return List.copyOf(answered);
    }

    /** The leading {@code system} message of the chat request, what the model received as its prompt. */
    @Override
    public Optional<String> systemPromptOf(TurnRequest turn) {
        return ChatTurnRequests.systemPrompt(turn.recorded().json());
    }

    /**
     * Whether {@code request} is a chat-completions request.
     *
     * @param request a recorded request
     * @return whether it is one
     */
    public static boolean isChatRequest(RecordedRequest request) {
        return request.method().equals("POST") && request.path().replaceAll("/+$", "").equals("/v1/chat/completions");
    }

    @Override
    protected void serve(HttpExchange exchange) {
        RecordedRequest request = exchange.request();
        String path = request.path().replaceAll("/+$", "");
        if (isChatRequest(request)) {
            complete(exchange);
        } else if (request.method().equals("GET") && path.equals("/v1/models")) {
            ArrayNode data = JSON.createArrayNode();
            models.forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", 0)
                    .put("owned_by", "fake"));
            exchange.respondJson(200, JSON.createObjectNode().put("object", "list").set("data", data));
        } else {
            exchange.respondJson(404, ChatCompletionsRenderer.errorBody("invalid_request_error",
                    "Not Found: " + request.method() + " " + request.path(), "not_found"));
        }
    }

    private void complete(HttpExchange exchange) {
        TurnRequest request = ChatTurnRequests.parse(exchange.request().json(), exchange.request());
        answered.add(request);
        TurnScript.Step step = scripts.next(LANE, request);
        if (step.ending() instanceof StepEnding.HttpError error) {
            exchange.respondJson(error.status(), ChatCompletionsRenderer.errorBody(
                    error.status() < 500 ? "invalid_request_error" : "server_error", error.message(), error.code()));
            return;
        }
        String id = "chatcmpl-fake-" + completions.incrementAndGet();
        List<SseFrame> frames = new ArrayList<>(new ChatCompletionsRenderer(id, request,
                () -> "call_fake_" + toolCalls.incrementAndGet()).render(step));
        if (stallLimit != null && !frames.isEmpty() && frames.get(frames.size() - 1) instanceof SseFrame.Hold) {
            // An idle provider gives up at last: silence for the limit, then the connection closes.
            frames.set(frames.size() - 1, new SseFrame.Pause(stallLimit));
            frames.add(new SseFrame.Drop());
        }
        exchange.stream(frames, step.chunkDelay(), new SsePlayer.Listener() {
                    @Override
                    public void finished(SsePlayer.Outcome outcome) {
                        if (outcome == SsePlayer.Outcome.DISCONNECTED) {
                            // An interrupted stream must not hand its leftover steps to the next turn.
                            scripts.abandon(LANE, step);
                        }
                    }
                });
    }

    /** Options for {@link FakeModelEndpoint}. Not thread-safe. */
    public static final class Builder {
        private final List<String> models = new ArrayList<>();
        private Responder responder = Responder.deterministic();
        private Duration stallLimit;

        private Builder() {
        }

        /**
         * Lists a model id in {@code GET /v1/models} (the part after {@code openai-compatible/}).
         *
         * @param id the model id
         * @return this builder
         */
        public Builder model(String id) {
            models.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        /**
         * How long a stalled stream ({@code TurnScript.stall()}) stays silent before the endpoint closes its
         * connection, as a real provider's idle timeout would; default: it stays open until the client leaves.
         * Letta Code's local backend (0.32.18) ends an aborted turn only once its provider stream yields or ends
         * (verified on the App Server: {@code abort_message} answers {@code aborted:true}, but {@code turn_finished}
         * and every queued input wait for the stream), so tests that abort a stalled turn and then go on set one.
         *
         * @param limit the silence allowed
         * @return this builder
         */
        public Builder stallLimit(Duration limit) {
            Objects.requireNonNull(limit, "stallLimit");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("stallLimit must be positive, got " + limit);
            }
            this.stallLimit = limit;
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
         * Binds the endpoint on a free loopback port.
         *
         * @return the running endpoint
         */
        public FakeModelEndpoint start() {
            return new FakeModelEndpoint(this);
        }
    }
}
