package ai.letta.code.transport.local.wire;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Decoding the CLI's stdout lines, as captured from CLI 0.32.18 (local-stdio.md §3.3). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NdjsonCodecBenchmark {
    private static final String ASSISTANT = "{\"type\":\"message\",\"message_type\":\"assistant_message\","
            + "\"id\":\"ui-msg-6:assistant:1\",\"date\":\"2026-11-23T07:00:00.000Z\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"po\"}],\"run_id\":\"local-run-1\",\"seq_id\":4,\"session_id\":\"agent-local-1\","
            + "\"uuid\":\"5f0c\",\"event_seq\":12,\"agent_id\":\"agent-local-1\",\"conversation_id\":\"local-conv-1\"}";
    private static final String TOOL_CALL = "{\"type\":\"message\",\"message_type\":\"tool_call_message\","
            + "\"tool_call\":{\"name\":\"Bash\",\"tool_call_id\":\"call_fake_1\",\"arguments\":\"{\\\"command\\\": "
            + "\\\"touch approved.txt && echo ok\\\", \\\"description\\\": \\\"test\\\"}\"},\"run_id\":\"local-run-1\","
            + "\"session_id\":\"agent-local-1\",\"uuid\":\"a1\",\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"}";
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"duration_ms\":218,"
            + "\"duration_api_ms\":0,\"num_turns\":2,\"result\":\"tool said: ok\",\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\",\"run_ids\":[],\"usage\":null,\"uuid\":\"r1\"}";

    private final NdjsonCodec codec = new NdjsonCodec();

    @Benchmark
    public Object assistantChunk() {
        return codec.decode(ASSISTANT);
    }

    @Benchmark
    public Object toolCall() {
        return codec.decode(TOOL_CALL);
    }

    @Benchmark
    public Object result() {
        return codec.decode(RESULT);
    }
}
