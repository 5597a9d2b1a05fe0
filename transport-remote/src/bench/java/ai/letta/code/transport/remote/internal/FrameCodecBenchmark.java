package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding app-server frames of a streamed turn (app-server-ws.md §2.5 shapes) into the domain events a session
 * emits: {@link FrameCodec#decode} and then {@link TurnStream#onFrame}, as a session's frames go on the event loop.
 * Each operation is one frame. Each delta carries its own message or tool call id (from a ring of {@value #RING}),
 * so every delta completes one event (a message is emitted when the next one starts) and no id is de-duplicated;
 * the turn is finished and the next one started every {@value #RING} frames (amortized in the figure).
 * {@code turnFinished} starts the turn it finishes in each operation ({@code input_accepted{started}}, without its
 * frame), since a {@code turn_finished} outside a turn emits nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameCodecBenchmark {
    private static final int RING = 1024;

    private static final String DELTA = "{\"type\":\"stream_delta\",\"runtime\":{\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"},\"event_seq\":42,\"delta\":{\"message_type\":"
            + "\"assistant_message\",\"id\":\"ui-msg-%d:assistant:1\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"po\"}],\"run_id\":\"local-run-1\",\"seq_id\":4}}";
    private static final String TOOL_CALL = "{\"type\":\"stream_delta\",\"runtime\":{\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"},\"event_seq\":44,\"delta\":{\"message_type\":"
            + "\"tool_call_message\",\"id\":\"ui-msg-7:tool:1\",\"tool_call\":{\"name\":\"Bash\",\"tool_call_id\":"
            + "\"call_fake_%d\",\"arguments\":\"{\\\"command\\\": \\\"touch approved.txt && echo ok\\\", "
            + "\\\"description\\\": \\\"test\\\"}\"},\"run_id\":\"local-run-1\",\"seq_id\":5}}";
    private static final String FINISHED = "{\"type\":\"turn_finished\",\"runtime\":{\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"},\"event_seq\":43,\"stop_reason\":\"end_turn\","
            + "\"run_id\":\"local-run-1\"}";

    private final FrameCodec codec = new FrameCodec();
    private final String[] delta = ring(DELTA);
    private final String[] toolCall = ring(TOOL_CALL);
    private final ParkedLoop loop = new ParkedLoop();
    private TurnStream stream;
    private int next;
    private long events;
    private long frames;
    private long turns;

    @Setup
    public void setUp(Blackhole blackhole) {
        SessionSink sink = new SessionSink() {
            @Override
            public void onEvent(SessionEvent event) {
                events++;
                blackhole.consume(event);
            }

            @Override
            public void onTurnStarted(List<String> clientMessageIds, int mergedCount) {
                blackhole.consume(clientMessageIds);
            }

            @Override
            public void onPermissionRequest(ToolPermissionRequest request) {
                blackhole.consume(request);
            }

            @Override
            public void onClosed(TransportException cause) {
            }
        };
        stream = new TurnStream(sink, codec, "local-conv-1", false, loop,
                new TurnStream.Timing(Duration.ofMillis(250), Duration.ofMillis(300)), new RefusingPeer(),
                new PendingApprovals());
        startTurn();
    }

    @TearDown
    public void tearDown() {
        loop.shutdownNow();
        if (events < frames - 1) {
            throw new IllegalStateException(frames + " frames made only " + events + " events: not every frame was"
                    + " mapped");
        }
    }

    @Benchmark
    public void streamDelta() {
        stream.onFrame(codec.decode(delta[next]));
        frames++;
        wrap();
    }

    @Benchmark
    public void toolCallDelta() {
        stream.onFrame(codec.decode(toolCall[next]));
        frames++;
        wrap();
    }

    @Benchmark
    public void turnFinished() {
        stream.onFrame(codec.decode(FINISHED));
        frames++;
        startTurn();
    }

    private void wrap() {
        if (++next == RING) {
            next = 0;
            stream.onFrame(codec.decode(FINISHED));
            startTurn();
        }
    }

    private void startTurn() {
        String id = "cm-" + turns++;
        stream.expect(id);
        stream.onInputAccepted(id, "started");
    }

    private static String[] ring(String format) {
        String[] frames = new String[RING];
        for (int i = 0; i < RING; i++) {
            frames[i] = String.format(format, i);
        }
        return frames;
    }

    /** Runs nothing: the benchmark's turns never go quiet, and a timer thread would touch the stream off its loop. */
    private static final class ParkedLoop extends ScheduledThreadPoolExecutor {
        ParkedLoop() {
            super(1);
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            return super.schedule(task, 1, TimeUnit.DAYS);
        }
    }

    /** The benchmark's frames all belong to its turns: anything the stream asks of its session is a broken run. */
    private static final class RefusingPeer implements TurnStream.Peer {
        @Override
        public void abortOrphanTurn(String runId) {
            throw new IllegalStateException("a frame was taken for an orphan turn's");
        }

        @Override
        public void removeAbandoned(String queueItemId) {
            throw new IllegalStateException("nothing was abandoned");
        }

        @Override
        public void resendDecision(PendingApprovals.Resend resend) {
            throw new IllegalStateException("nothing was refused");
        }

        @Override
        public void denyUnreadable(String requestId, String message) {
            throw new IllegalStateException("no permission request was sent");
        }
    }
}
