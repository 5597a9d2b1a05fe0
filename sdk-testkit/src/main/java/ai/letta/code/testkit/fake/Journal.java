package ai.letta.code.testkit.fake;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TurnRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@link InMemoryTransport} saw and did, for assertions: the commands the engine sent, the requests the
 * scripted model received, the events delivered; plus the per-transport id counters ({@code call_fake_<n>} as the
 * real fakes number tool calls). Thread-safe.
 */
final class Journal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The tools the fake offers the model (a Claude-style toolset, so scripts call {@code Bash}). */
    private static final List<TurnRequest.ToolSchema> TOOLS = List.of(
            new TurnRequest.ToolSchema("Bash", List.of("command", "description", "timeout")),
            new TurnRequest.ToolSchema("Read", List.of("file_path")),
            new TurnRequest.ToolSchema("Write", List.of("file_path", "content")),
            new TurnRequest.ToolSchema("AskUserQuestion", List.of("questions")));

    private final List<SentCommand> sent = new CopyOnWriteArrayList<>();
    private final List<ModelCall> modelCalls = new CopyOnWriteArrayList<>();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    void sent(SentCommand command) {
        sent.add(command);
    }

    List<SentCommand> sent() {
        return List.copyOf(sent);
    }

    void delivered(String conversationId, SessionEvent event) {
        delivered.add(new Delivered(conversationId, event));
    }

    List<SessionEvent> delivered(String conversationId) {
        return delivered.stream().filter(d -> d.conversationId().equals(conversationId)).map(Delivered::event)
                .toList();
    }

    List<ModelCall> modelCalls() {
        return List.copyOf(modelCalls);
    }

    /** Records a model request and turns it into the scripts' wire-neutral view. */
    TurnRequest modelRequest(ModelCall call) {
        modelCalls.add(call);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", call.model());
        body.put("system", call.systemPrompt());
        body.put("user", call.userText());
        RecordedRequest recorded = new RecordedRequest(requests.getAndIncrement(), Instant.now(), "POST",
                "/in-memory/conversations/" + call.conversationId() + "/messages", "", Map.of(),
                Map.of("content-type", List.of("application/json")), json(body));
        return new TurnRequest(call.conversationId(), call.model(), call.userText(), call.toolResult(), TOOLS,
                recorded);
    }

    String nextToolCallId() {
        return "call_fake_" + toolCalls.incrementAndGet();
    }

    String nextRunId() {
        return "run-" + runs.incrementAndGet();
    }

    String nextMessageId() {
        return "message-" + messages.incrementAndGet();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private record Delivered(String conversationId, SessionEvent event) {}
}
