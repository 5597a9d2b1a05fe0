package ai.letta.code.transport.remote.internal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Decoding app-server frames of a streamed turn (app-server-ws.md §2.5 shapes). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameCodecBenchmark {
    private static final String DELTA = "{\"type\":\"stream_delta\",\"runtime\":{\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"},\"event_seq\":42,\"delta\":{\"message_type\":"
            + "\"assistant_message\",\"id\":\"ui-msg-6:assistant:1\",\"content\":[{\"type\":\"text\",\"text\":\"po\"}],"
            + "\"run_id\":\"local-run-1\",\"seq_id\":4}}";
    private static final String FINISHED = "{\"type\":\"turn_finished\",\"runtime\":{\"agent_id\":\"agent-local-1\","
            + "\"conversation_id\":\"local-conv-1\"},\"event_seq\":43,\"stop_reason\":\"end_turn\","
            + "\"run_id\":\"local-run-1\"}";

    private final FrameCodec codec = new FrameCodec();

    @Benchmark
    public Object streamDelta() {
        return codec.decode(DELTA);
    }

    @Benchmark
    public Object turnFinished() {
        return codec.decode(FINISHED);
    }
}
