package ai.letta.code.transport.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The baseline of the remote harnesses ({@link RoundTripMeasure}, {@link RemoteSideBySide}): the app server's
 * protocol spoken directly over the JDK's websocket, no SDK in between. Frames are queued as they arrive and every
 * wait is bounded (30 s). One request at a time: a response is the next frame of its type.
 */
final class RawAppServerClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final WebSocket socket;

    RawAppServerClient(URI url) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    /**
     * {@code runtime_start} on a new conversation.
     *
     * @param agentId the agent, or {@code null} to create one with {@code model}
     * @param model the new agent's model when {@code agentId} is null
     * @return the {@code runtime} of the response, to address the conversation with
     */
    JsonNode runtimeStart(String agentId, String model) throws Exception {
        ObjectNode command = command("runtime_start");
        if (agentId != null) {
            command.put("agent_id", agentId);
        } else {
            command.putObject("create_agent").putObject("body").put("model", model);
        }
        command.putObject("create_conversation");
        command.put("mode", "standard");
        JsonNode response = call(command, "runtime_start_response");
        if (!response.path("success").asBoolean()) {
            throw new IllegalStateException("runtime_start failed: " + response);
        }
        return response.path("runtime");
    }

    /**
     * One turn: {@code input} until {@code turn_finished}.
     *
     * @param runtime the conversation
     * @param text the user message
     * @return nanoseconds from the send to {@code turn_finished}
     */
    long turn(JsonNode runtime, String text) throws Exception {
        ObjectNode command = command("input");
        command.set("runtime", runtime);
        ObjectNode payload = command.putObject("payload").put("kind", "create_message");
        payload.putArray("messages").addObject().put("role", "user").put("content", text)
                .put("client_message_id", "cm-" + ids.incrementAndGet());
        long start = System.nanoTime();
        send(command);
        JsonNode finished = await("turn_finished");
        long took = System.nanoTime() - start;
        if (!"end_turn".equals(finished.path("stop_reason").asString())) {
            throw new IllegalStateException("raw turn failed: " + finished);
        }
        return took;
    }

    /** @return the {@code list_models_response} */
    JsonNode listModels() throws Exception {
        return call(command("list_models"), "list_models_response");
    }

    /**
     * @param runtime the conversation
     * @param handle the model
     * @param effort a reasoning effort, or {@code null}
     * @return the {@code update_model_response}
     */
    JsonNode updateModel(JsonNode runtime, String handle, String effort) throws Exception {
        ObjectNode command = command("update_model");
        command.set("runtime", runtime);
        ObjectNode payload = command.putObject("payload").put("model_handle", handle);
        if (effort != null) {
            payload.put("reasoning_effort", effort);
        }
        return call(command, "update_model_response");
    }

    /**
     * {@code agent_create}, the command the SDK's {@code createAgent} sends (it opens no runtime).
     *
     * @param model the agent's model
     * @return the new agent's id
     */
    String createAgent(String model) throws Exception {
        ObjectNode command = command("agent_create");
        command.putObject("body").put("model", model);
        return call(command, "agent_create_response").path("agent").path("id").asString();
    }

    private ObjectNode command(String type) {
        return JSON.createObjectNode().put("type", type).put("request_id", type + "-" + ids.incrementAndGet());
    }

    private JsonNode call(ObjectNode command, String responseType) throws Exception {
        send(command);
        return await(responseType);
    }

    private void send(ObjectNode command) throws Exception {
        socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
    }

    private JsonNode await(String type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && type.equals(frame.path("type").asString())) {
                return frame;
            }
        }
        throw new IllegalStateException("no " + type + " within " + WAIT.toSeconds() + " s");
    }

    @Override
    public void close() {
        socket.abort();
    }
}
