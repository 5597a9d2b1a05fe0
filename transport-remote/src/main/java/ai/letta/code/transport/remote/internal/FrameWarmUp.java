package ai.letta.code.transport.remote.internal;

import ai.letta.code.core.spi.DiscardingSink;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a first turn's client-side code once per JVM, on canned frames, while something else the caller waits for
 * anyway runs (the local backend's loopback server booting). On a cold JVM the first real turn otherwise loads and
 * links the codec's, the turn stream's and the events' classes, and on a 2-core machine the JIT compiles this
 * triggers take the core the peer needs for the turn. Nothing it produces leaves this class: the events go to a
 * sink that discards them.
 */
public final class FrameWarmUp {

    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final String RUNTIME = "\"runtime\":{\"agent_id\":\"agent-warm\",\"conversation_id\":\"conv-warm\"}";
    /** One frame of each kind a plain turn with a tool call reads, in CLI 0.32.18's shapes (app-server-ws.md §2.4). */
    private static final List<String> TURN = List.of(
            delta("{\"message_type\":\"reasoning_message\",\"id\":\"message-w1\",\"run_id\":\"run-w\","
                    + "\"reasoning\":\"warm\"}"),
            delta("{\"message_type\":\"tool_call_message\",\"id\":\"message-w2\",\"run_id\":\"run-w\","
                    + "\"tool_call\":{\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"true\\\"}\","
                    + "\"tool_call_id\":\"call-w\"}}"),
            delta("{\"message_type\":\"tool_return_message\",\"id\":\"message-w3\",\"run_id\":\"run-w\","
                    + "\"tool_call_id\":\"call-w\",\"status\":\"success\",\"tool_return\":\"ok\"}"),
            delta("{\"message_type\":\"assistant_message\",\"id\":\"message-w4\",\"run_id\":\"run-w\","
                    + "\"content\":\"warm\"}"),
            delta("{\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\",\"run_id\":\"run-w\"}"),
            delta("{\"message_type\":\"usage_statistics\",\"completion_tokens\":1,\"prompt_tokens\":1,"
                    + "\"total_tokens\":2,\"step_count\":1,\"run_id\":\"run-w\"}"),
            "{\"type\":\"turn_finished\"," + RUNTIME + ",\"turn_id\":\"t-w\",\"stop_reason\":\"end_turn\","
                    + "\"run_id\":\"run-w\",\"event_seq\":9}");

    private FrameWarmUp() {}

    /**
     * Encodes an input command and decodes and maps one frame of each kind a turn reads, the first time in this JVM;
     * later calls return at once.
     *
     * @param codec the client's codec
     */
    public static void run(FrameCodec codec) {
        if (DONE.compareAndSet(false, true)) {
            play(codec, DiscardingSink.INSTANCE);
        }
    }

    /**
     * @param codec the codec
     * @param sink where the canned turn's events go (tests record them)
     */
    static void play(FrameCodec codec, SessionSink sink) {
        codec.encode(Map.of("type", "input", "request_id", "warm-in", "payload", Map.of("kind", "create_message",
                "messages", List.of(Map.of("role", "user", "content", "warm", "client_message_id", "cm-warm")))));
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "letta-frame-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            TurnStream stream = new TurnStream(sink, codec, "conv-warm", false, loop,
                    new TurnStream.Timing(Duration.ofMillis(250), Duration.ofMillis(300)), new IdlePeer(),
                    new PendingApprovals());
            stream.expect("cm-warm");
            stream.onInputAccepted("cm-warm", "started");
            TURN.forEach(frame -> stream.onFrame(codec.decode(frame)));
        } finally {
            loop.shutdownNow();
        }
    }

    private static String delta(String message) {
        return "{\"type\":\"stream_delta\",\"delta\":" + message.substring(0, message.length() - 1)
                + ",\"type\":\"message\"}," + RUNTIME + ",\"event_seq\":1}";
    }

    /** The canned turn has no orphans, abandoned inputs or refused decisions: nothing to do. */
    private static final class IdlePeer implements TurnStream.Peer {
        @Override
        public void abortOrphanTurn(String runId) {}

        @Override
        public void removeAbandoned(String queueItemId) {}

        @Override
        public void resendDecision(PendingApprovals.Resend resend) {}

        @Override
        public void denyUnreadable(String requestId, String message) {}
    }
}
