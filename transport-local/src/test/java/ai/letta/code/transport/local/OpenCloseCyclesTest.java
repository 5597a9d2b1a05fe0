package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.UserMessage;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.process.LiveProcesses;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 200 open/close cycles against the fake CLI (the real one takes about 1.5 s to start; {@link RealCliFaultIT}
 * runs a few real cycles): no process, no thread and no shutdown-hook entry may be left behind.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class OpenCloseCyclesTest {

    @Test
    void twoHundredCyclesLeaveNothingBehind() throws Exception {
        LocalTransport transport = FakeCli.transport("normal");
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        for (int i = 0; i < 200; i++) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = FakeCli.open(transport, sink)) {
                if (i % 20 == 0) {
                    channel.send("c" + i, UserMessage.text("ping " + i));
                    assertThat(sink.awaitResult(Duration.ofSeconds(10)).success()).isTrue();
                }
            }
            assertThat(sink.closedWithin(Duration.ofSeconds(1))).as("cycle %d closed", i).isTrue();
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        assertThat(LiveProcesses.count()).isZero();
        assertThat(RealCliFaultIT.cliThreads(before)).isEmpty();
    }
}
