package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionTarget;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real app server killed (SIGKILL) in the middle of a streaming turn. */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(90)
class RemoteServerKilledIT {

    @Test
    void aKilledServerFailsTheTurnWithinFiveSecondsThenClosesTheSession() {
        try (FakeModelEndpoint model = FakeModelEndpoint.start();
                AppServerProcess server = AppServerProcess.builder().backend(PeerBackend.lmStudio(model.baseUrl()))
                        .start();
                WebSocketTransport transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                        .reconnectBound(Duration.ofSeconds(2)).build())) {
            String agent = transport.agents().create(AgentOptions.builder().model("lmstudio/fake-model").build());
            RecordingSink sink = new RecordingSink();
            SessionChannel session = transport.sessions().open(SessionTarget.newConversation(agent),
                    SessionOptions.builder().includePartialMessages(true).build(), sink);
            model.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(500))
                    .assistant("a ", "b ", "c ", "d ", "e ", "f ", "g ", "h ", "i ", "j ").build());
            session.send("cm-killed", UserMessage.text("stream slowly"));
            sink.until(PartialEvent.class, Duration.ofSeconds(30));
            long killed = System.nanoTime();
            ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroyForcibly);
            Result result = sink.awaitResult(Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(5));
            assertThat(result.status()).isEqualTo(Result.Status.ERROR);
            assertThat(result.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
            assertThat(sink.awaitClosed(Duration.ofSeconds(15)).cause()).isInstanceOf(TransportLostException.class);
            session.close();
            assertThat(sink.violations()).isEmpty();
        }
    }
}
