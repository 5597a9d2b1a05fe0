package ai.letta.code.transport.local.session;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.util.List;
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
 * Decoding the CLI's stdout lines, as captured from CLI 0.32.18 (local-stdio.md §3.3), into the domain events a
 * session emits: {@link NdjsonCodec#decode} and then {@link WireEventMapper#accept}, as the stdout reader does. Each
 * operation is one line; each assistant chunk and tool call carries its own id (from a ring of {@value #RING}), so
 * every line completes one event (a chunk is emitted when the next message starts) and no id is de-duplicated; the
 * mapper's turn is ended every {@value #RING} lines so its state stays bounded (that end is amortized in the figure).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NdjsonCodecBenchmark {
    private static final int RING = 1024;

    private static final String ASSISTANT = "{\"type\":\"message\",\"message_type\":\"assistant_message\","
            + "\"id\":\"ui-msg-%d:assistant:1\",\"date\":\"2026-11-23T07:00:00.000Z\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"po\"}],\"run_id\":\"local-run-1\",\"seq_id\":4,\"session_id\":\"agent-local-1\","
            + "\"uuid\":\"5f0c\",\"event_seq\":12,\"agent_id\":\"agent-local-1\",\"conversation_id\":\"local-conv-1\"}";
    private static final String TOOL_CALL = "{\"type\":\"message\",\"message_type\":\"tool_call_message\","
            + "\"tool_call\":{\"name\":\"Bash\",\"tool_call_id\":\"call_fake_%d\",\"arguments\":\"{\\\"command\\\": "
            + "\\\"touch approved.txt && echo ok\\\", \\\"description\\\": \\\"test\\\"}\"},\"run_id\":\"local-run-1\","
            + "\"session_id\":\"agent-local-1\",\"uuid\":\"a1\",\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"}";
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"duration_ms\":218,"
            + "\"duration_api_ms\":0,\"num_turns\":2,\"result\":\"tool said: ok\",\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\",\"run_ids\":[],\"usage\":null,\"uuid\":\"r1\"}";

    private final NdjsonCodec codec = new NdjsonCodec();
    private final String[] assistant = ring(ASSISTANT);
    private final String[] toolCall = ring(TOOL_CALL);
    private WireEventMapper mapper;
    private int next;
    private long events;
    private long lines;

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
        mapper = new WireEventMapper(sink, codec, new QueueModel(), blackhole::consume, false, () -> { });
    }

    @TearDown
    public void tearDown() {
        if (events < lines - 1) {
            throw new IllegalStateException(lines + " lines made only " + events + " events: not every line was mapped");
        }
    }

    @Benchmark
    public void assistantChunk() {
        accept(assistant[next]);
    }

    @Benchmark
    public void toolCall() {
        accept(toolCall[next]);
    }

    @Benchmark
    public void result() {
        accept(RESULT);
    }

    private void accept(String line) {
        mapper.accept(codec.decode(line));
        lines++;
        if (++next == RING) {
            next = 0;
            mapper.endInterrupted("local-conv-1");
        }
    }

    private static String[] ring(String format) {
        String[] lines = new String[RING];
        for (int i = 0; i < RING; i++) {
            lines[i] = String.format(format, i);
        }
        return lines;
    }
}
