package ai.letta.code.core.engine;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.spi.Results;
import ai.letta.code.spi.SessionTarget;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine's per-event cost: one turn of {@code events} assistant events and a result, delivered through the
 * session sink as a transport reader would, and read back through {@code stream()}. Reports turns per second;
 * events per second = score x (events + 1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineDispatchBenchmark {
    @Param({"10", "1000"})
    public int events;

    private EngineExecutors executors;
    private StubPort port;
    private EngineSession session;
    private AssistantMessage chunk;
    private Result result;

    @Setup(Level.Trial)
    public void open() {
        executors = new EngineExecutors();
        port = new StubPort();
        session = new EngineSession(SessionOptions.defaults(), executors, s -> {});
        session.open(port, SessionTarget.newConversation(null));
        chunk = new AssistantMessage("m", "a chunk of assistant text", "run-1");
        result = Results.success("done", "conv-stub");
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        executors.close();
    }

    @Benchmark
    public int turn() {
        session.send("go");
        for (int i = 0; i < events; i++) {
            port.sink.onEvent(chunk);
        }
        port.sink.onEvent(result);
        int seen = 0;
        for (SessionEvent ignored : session.stream()) {
            seen++;
        }
        return seen;
    }
}
