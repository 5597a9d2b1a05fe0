package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link SessionControl} whose environments and sandboxes a test sets, recording the calls made. */
final class ScriptedControl implements SessionControl {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, Environment> byDevice = new ConcurrentHashMap<>();
    final List<Environment> listed = new CopyOnWriteArrayList<>();
    final AtomicInteger pollsUntilOnline = new AtomicInteger();
    volatile boolean reaped;

    @Override
    public String createConversation(String agentId) {
        calls.add("createConversation " + agentId);
        return "conv-new";
    }

    @Override
    public String agentOf(String conversationId) {
        calls.add("agentOf " + conversationId);
        return "agent-owner";
    }

    @Override
    public List<Environment> environments() {
        calls.add("environments");
        return new ArrayList<>(listed);
    }

    @Override
    public Optional<Environment> environment(String deviceId) {
        calls.add("environment " + deviceId);
        if (pollsUntilOnline.getAndDecrement() > 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDevice.get(deviceId));
    }

    @Override
    public Sandbox createSandbox(String agentId, String conversationId) {
        calls.add("createSandbox " + agentId + " " + conversationId);
        byDevice.putIfAbsent("dev-1", new Environment("env-1", "conn-1", "dev-1", "sandbox-1"));
        return new Sandbox("sandbox-1", "dev-1", "sandbox-1", false);
    }

    @Override
    public void refreshSandbox(String sandboxId, int ttlMinutes) {
        calls.add("refresh " + sandboxId + " " + ttlMinutes);
        if (reaped) {
            throw new NotFoundException("sandbox " + sandboxId + " not found");
        }
    }

    @Override
    public void terminateSandbox(String sandboxId) {
        calls.add("terminate " + sandboxId);
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
