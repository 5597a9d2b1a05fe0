package ai.letta.code.core.engine;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session port whose peer is the test itself: it records what the engine sends and lets the test deliver sink
 * calls, the way a transport's reader thread would.
 */
final class StubPort implements SessionPort, SessionChannel {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final BlockingQueue<Map.Entry<ToolPermissionRequest, PermissionDecision>> answers = new LinkedBlockingQueue<>();
    final AtomicInteger interrupts = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile SessionSink sink;
    volatile Runnable onInterrupt = () -> {};
    volatile Optional<AcceptedCommands> accepted = Optional.empty();

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions options, SessionSink sink) {
        this.sink = sink;
        return this;
    }

    @Override
    public String agentId() {
        return "agent-stub";
    }

    @Override
    public String conversationId() {
        return "conv-stub";
    }

    @Override
    public void send(String clientMessageId, UserMessage message) {
        sent.add(message.plainText());
    }

    @Override
    public void interrupt() {
        interrupts.incrementAndGet();
        onInterrupt.run();
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        answers.add(Map.entry(request, decision));
    }

    @Override
    public ModelCatalog listModels() {
        return new ModelCatalog(List.of(), null);
    }

    @Override
    public void updateModel(ModelUpdate update) {}

    @Override
    public void updateDreaming(Dreaming dreaming) {}

    @Override
    public boolean removeQueued(String id) {
        return false;
    }

    @Override
    public Optional<AcceptedCommands> acceptedCommands() {
        return accepted;
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        sent.add("raw:" + command.get("type"));
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        return new CommandResponse(command.get("type") + "_response", Map.of("request_id", command.get("request_id")));
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }
}
