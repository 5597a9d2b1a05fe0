package ai.letta.code.testkit.fakecloud;

import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import ai.letta.code.testkit.peer.ListenerProcess;

/**
 * The managed sandboxes (cloud-relay.md §9): create-or-resume per (agent, conversation), each backed by a real
 * listener spawned with {@code LETTA_LISTENER_DEVICE_ID}. A warm pool pre-spawns listeners with pre-chosen ids, so
 * a create hands one out at once (its listener already online) and a replacement spawns in the background.
 * Called on the event loop: nothing here waits for a process. Thread-safe.
 */
final class SandboxFleet {

    /** The TTL the upstream SDK uses unless told otherwise. */
    static final int DEFAULT_TTL_MINUTES = 5;

    /** One sandbox, live or not; guarded by the fleet's monitor. */
    private static final class Entry {
        final String sandboxId = "sandbox-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        final String deviceId = "sbx-device-" + UUID.randomUUID();
        final String connectionName = "sandbox-" + sandboxId;
        CompletableFuture<ListenerProcess> process;
        String agentId;
        String conversationId;
        int ttlMinutes = DEFAULT_TTL_MINUTES;
        SandboxState ended;
    }

    /** A create's answer. */
    record Created(Sandbox sandbox, boolean resumed) {
    }

    private final ListenerSpawner spawner;
    private final EnvironmentRegistry registry;
    private final int warmTarget;
    private final Map<String, Entry> sandboxes = new LinkedHashMap<>();
    private final ArrayDeque<Entry> warm = new ArrayDeque<>();

    SandboxFleet(ListenerSpawner spawner, EnvironmentRegistry registry, int warmTarget) {
        this.spawner = spawner;
        this.registry = registry;
        this.warmTarget = warmTarget;
    }

    /** Fills the warm pool. */
    synchronized void warmUp() {
        while (warm.size() < warmTarget) {
            warm.add(spawned(new Entry()));
        }
    }

    /** The live sandbox of ({@code agentId}, {@code conversationId}) resumed, or a new one. */
    synchronized Created create(String agentId, String conversationId) {
        for (Entry entry : sandboxes.values()) {
            if (state(entry).live() && entry.agentId.equals(agentId)
                    && Objects.equals(entry.conversationId, conversationId)) {
                return new Created(snapshot(entry), true);
            }
        }
        Entry entry = takeWarm().orElseGet(() -> spawned(new Entry()));
        entry.agentId = agentId;
        entry.conversationId = conversationId;
        sandboxes.put(entry.sandboxId, entry);
        warmUp();
        return new Created(snapshot(entry), false);
    }

    /** Extends a live sandbox; empty when unknown, terminated or expired. */
    synchronized Optional<Sandbox> refresh(String sandboxId, int ttlMinutes) {
        Entry entry = sandboxes.get(sandboxId);
        if (entry == null || !state(entry).live()) {
            return Optional.empty();
        }
        entry.ttlMinutes = ttlMinutes;
        return Optional.of(snapshot(entry));
    }

    /** Extends the agent's newest live sandbox. */
    synchronized Optional<Sandbox> refreshForAgent(String agentId, int ttlMinutes) {
        return newestLive(agentId).flatMap(entry -> refresh(entry.sandboxId, ttlMinutes));
    }

    /** Terminates a sandbox (its listener is stopped in the background); false when the id is unknown. */
    synchronized boolean terminate(String sandboxId) {
        Entry entry = sandboxes.get(sandboxId);
        if (entry == null) {
            return false;
        }
        end(entry, SandboxState.TERMINATED);
        return true;
    }

    /** Terminates every live sandbox of the agent; how many there were. */
    synchronized int terminateForAgent(String agentId) {
        int count = 0;
        for (Entry entry : sandboxes.values()) {
            if (entry.agentId.equals(agentId) && state(entry).live()) {
                end(entry, SandboxState.TERMINATED);
                count++;
            }
        }
        return count;
    }

    /** Marks a sandbox expired and returns its listener, to be killed by the caller off the event loop. */
    synchronized CompletableFuture<ListenerProcess> expire(String sandboxId) {
        Entry entry = sandboxes.get(sandboxId);
        if (entry == null) {
            throw new IllegalArgumentException("no sandbox " + sandboxId + "; known: " + sandboxes.keySet());
        }
        entry.ended = SandboxState.EXPIRED;
        return entry.process;
    }

    synchronized List<Sandbox> all() {
        return sandboxes.values().stream().map(this::snapshot).toList();
    }

    synchronized Optional<Sandbox> get(String sandboxId) {
        return Optional.ofNullable(sandboxes.get(sandboxId)).map(this::snapshot);
    }

    private Optional<Entry> newestLive(String agentId) {
        Entry newest = null;
        for (Entry entry : sandboxes.values()) {
            if (entry.agentId.equals(agentId) && state(entry).live()) {
                newest = entry;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** A warm entry, preferring one whose listener is already online. */
    private Optional<Entry> takeWarm() {
        Entry pick = warm.stream().filter(entry -> state(entry) == SandboxState.ONLINE).findFirst()
                .orElse(warm.peekFirst());
        if (pick != null) {
            warm.remove(pick);
        }
        return Optional.ofNullable(pick);
    }

    private Entry spawned(Entry entry) {
        entry.process = spawner.spawnLater(entry.connectionName, entry.deviceId);
        return entry;
    }

    private void end(Entry entry, SandboxState how) {
        if (entry.ended == null) {
            entry.ended = how;
            spawner.stopLater(entry.process);
        }
    }

    private SandboxState state(Entry entry) {
        if (entry.ended != null) {
            return entry.ended;
        }
        if (!entry.process.isDone()) {
            return SandboxState.STARTING;
        }
        ListenerProcess process = entry.process.isCompletedExceptionally() ? null : entry.process.join();
        if (process == null || !process.isAlive()) {
            return SandboxState.EXITED;
        }
        return registry.online(entry.deviceId) ? SandboxState.ONLINE
                : SandboxState.STARTING;
    }

    private Sandbox snapshot(Entry entry) {
        ListenerProcess process = entry.process.isDone() && !entry.process.isCompletedExceptionally()
                ? entry.process.join() : null;
        return new Sandbox(entry.sandboxId, entry.agentId, entry.conversationId, entry.deviceId,
                entry.connectionName, state(entry), entry.ttlMinutes, process == null ? null : process.workDir());
    }
}
