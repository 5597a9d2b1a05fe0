package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.transport.cloud.rest.CloudEnvironment;
import ai.letta.code.transport.cloud.rest.CloudSandbox;
import ai.letta.code.transport.cloud.rest.SandboxRefresh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link SessionControl} whose environments and sandboxes a test sets, recording the calls made. */
final class ScriptedControl implements SessionControl {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, CloudEnvironment> byDevice = new ConcurrentHashMap<>();
    final List<CloudEnvironment> listed = new CopyOnWriteArrayList<>();
    final AtomicInteger pollsUntilOnline = new AtomicInteger();
    volatile boolean reaped;

    static CloudEnvironment environment(String id, String connectionId, String deviceId, String name) {
        return new CloudEnvironment(id, connectionId, deviceId, name, null, null);
    }

    @Override
    public ConversationInfo createConversation(String agentId) {
        calls.add("createConversation " + agentId);
        return new ConversationInfo("conv-new", agentId, null, null);
    }

    @Override
    public ConversationInfo conversation(String conversationId) {
        calls.add("conversation " + conversationId);
        return new ConversationInfo(conversationId, "agent-owner", null, null);
    }

    @Override
    public List<CloudEnvironment> environments() {
        calls.add("environments");
        return new ArrayList<>(listed);
    }

    @Override
    public CloudEnvironment environment(String deviceId) {
        calls.add("environment " + deviceId);
        CloudEnvironment known = byDevice.get(deviceId);
        if (pollsUntilOnline.getAndDecrement() > 0 || known == null) {
            throw new NotFoundException("Environment not found");
        }
        return known;
    }

    @Override
    public CloudSandbox createSandbox(String agentId, String conversationId) {
        calls.add("createSandbox " + agentId + " " + conversationId);
        byDevice.putIfAbsent("dev-1", environment("env-1", "conn-1", "dev-1", "sandbox-1"));
        return new CloudSandbox("sandbox-1", "dev-1", "sandbox-1", conversationId, false);
    }

    @Override
    public SandboxRefresh refreshSandbox(String sandboxId, int ttlMinutes) {
        calls.add("refresh " + sandboxId + " " + ttlMinutes);
        if (reaped) {
            throw new NotFoundException("sandbox " + sandboxId + " not found");
        }
        return new SandboxRefresh(sandboxId, Duration.ofMinutes(ttlMinutes));
    }

    @Override
    public void terminateSandbox(String sandboxId) {
        calls.add("terminate " + sandboxId);
    }

    long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
