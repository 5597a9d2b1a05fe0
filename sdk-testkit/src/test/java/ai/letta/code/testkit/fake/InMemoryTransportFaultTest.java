package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fake.RecordingSink.Closed;
import ai.letta.code.testkit.fake.RecordingSink.Permission;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults, kills and closes: the channel always ends with exactly one {@code onClosed}, and nothing after it. */
class InMemoryTransportFaultTest {

    @TempDir
    Path dir;
    private final InMemoryTransport fake = new InMemoryTransport();
    private final RecordingSink sink = new RecordingSink();
    private SessionChannel channel;

    @BeforeEach
    void open() {
        String agent = fake.agents().create(AgentOptions.builder().build());
        channel = fake.sessions().open(SessionTarget.newConversation(agent), SessionOptions.builder().cwd(dir).build(),
                sink);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void crashAtTurnStartClosesTheChannelWithExitCodeAndStderrTail() {
        fake.failNextTurn(Fault.crash(1, "TypeError: boom"));

        channel.send("cm-1", UserMessage.text("ping"));

        Closed closed = sink.await(Closed.class);
        assertThat(closed.cause()).isInstanceOf(TransportLostException.class);
        assertThat(closed.cause().exitCode()).hasValue(1);
        assertThat(closed.cause().diagnosticTail()).hasValue("TypeError: boom");
        assertThat(sink.events()).isEmpty();
        sink.assertQuietFor(Duration.ofMillis(200));
        assertThatThrownBy(() -> channel.send("cm-2", UserMessage.text("again")))
                .isInstanceOf(TransportLostException.class);
        assertThat(fake.openConversations()).isEmpty();
    }

    @Test
    void dropAfterDeliversExactlyThatManyEventsThenCloses() {
        fake.enqueue(TurnScript.builder().reasoning("one").reasoning("two").assistant("three").build());
        fake.failNextTurn(new Fault.DropAfter(2));

        channel.send("cm-1", UserMessage.text("ping"));

        Closed closed = sink.await(Closed.class);
        assertThat(closed.cause()).isInstanceOf(TransportLostException.class);
        assertThat(closed.cause().exitCode()).isEmpty();
        assertThat(sink.events()).hasSize(2).allMatch(Reasoning.class::isInstance);
        sink.assertQuietFor(Duration.ofMillis(200));
    }

    @Test
    void stallGoesSilentUntilInterrupted() {
        fake.failNextTurn(new Fault.Stall(1));
        channel.send("cm-1", UserMessage.text("ping"));
        sink.awaitEvent(Reasoning.class);
        sink.assertQuietFor(Duration.ofMillis(200));

        channel.interrupt();

        assertThat(sink.awaitResult().status()).isEqualTo(Result.Status.INTERRUPTED);
    }

    @Test
    void garbageFrameIsReportedAndTheTurnGoesOn() {
        fake.failNextTurn(new Fault.GarbageEvent("{not json"));

        channel.send("cm-1", UserMessage.text("ping"));

        ErrorEvent error = sink.awaitEvent(ErrorEvent.class);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.detail()).contains("{not json");
        assertThat(sink.awaitResult().success()).isTrue();
    }

    @Test
    void killWhileWaitingForAPermissionAnswerClosesAtOnce() {
        channel.send("cm-1", UserMessage.text("use the tool"));
        sink.await(Permission.class);

        assertThat(fake.kill(channel.conversationId())).isTrue();

        Closed closed = sink.await(Closed.class);
        assertThat(closed.cause().exitCode()).hasValue(137);
        assertThat(dir.resolve("approved.txt")).doesNotExist();
        assertThat(fake.kill(channel.conversationId())).isFalse();
    }

    @Test
    void closeDuringATurnEndsItSilentlyAndReportsAGracefulClose() {
        fake.enqueue(TurnScript.builder().reasoning("busy").stall().build());
        channel.send("cm-1", UserMessage.text("go"));
        sink.awaitEvent(Reasoning.class);

        channel.close();
        channel.close();

        assertThat(sink.next()).isEqualTo(new Closed(null));
        sink.assertQuietFor(Duration.ofMillis(200));
        assertThat(fake.sent(SentCommand.Kind.CLOSE)).hasSize(1);
        assertThatThrownBy(() -> channel.send("cm-2", UserMessage.text("late")))
                .isInstanceOf(SessionClosedException.class);
    }

    @Test
    void closingTheTransportClosesItsChannels() {
        fake.close();

        assertThat(sink.next()).isEqualTo(new Closed(null));
        assertThatThrownBy(() -> fake.sessions().open(SessionTarget.newConversation(null), SessionOptions.defaults(),
                new RecordingSink())).isInstanceOf(SessionClosedException.class);
    }
}
