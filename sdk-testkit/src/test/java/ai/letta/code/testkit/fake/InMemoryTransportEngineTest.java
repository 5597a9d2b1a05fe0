package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.contract.EventRecorder;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine over the fake, for what the contract cannot script on a real peer: transport faults as data, merged
 * turns, thread guarantees.
 */
class InMemoryTransportEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemoryContractPeer peer = new InMemoryContractPeer();
    private final InMemoryTransport fake = peer.transport();

    @AfterEach
    void close() {
        peer.close();
    }

    @Test
    void canUseToolNeverRunsOnTheTransportsThreads() {
        List<String> threads = new CopyOnWriteArrayList<>();
        Session session = open(options().canUseTool(request -> {
            threads.add(Thread.currentThread().getName());
            return CompletableFuture.completedFuture(PermissionDecision.allow());
        }));

        session.send("use the tool");
        assertThat(record(session).awaitResult().success()).isTrue();

        assertThat(threads).hasSize(1).noneMatch(name -> name.startsWith("in-memory-"));
    }

    @Test
    void crashMidTurnEndsTheTurnWithTheStderrTailAndClosesTheSession() {
        fake.failNextTurn(new Fault.CrashTransport(1, "TypeError: cannot read 'x'", 1));
        Session session = open(options());

        session.send("ping");
        EventRecorder events = record(session);

        events.assertNext(Reasoning.class);
        ErrorEvent error = events.assertNext(ErrorEvent.class);
        Result result = events.assertNext(Result.class);
        events.assertExhausted();
        assertThat(error.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
        assertThat(error.detail().orElseThrow()).contains("TypeError: cannot read 'x'");
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        assertThat(result.errorDetail()).hasValueSatisfying(d -> assertThat(d).contains("TypeError"));
        assertThat(session.state()).isIn(SessionState.CLOSING, SessionState.CLOSED);
    }

    @Test
    void droppedConnectionEndsTheTurnAfterTheEventsThatArrived() {
        fake.enqueue(TurnScript.builder().reasoning("one").reasoning("two").assistant("never").build());
        fake.failNextTurn(new Fault.DropAfter(2));
        Session session = open(options());

        session.send("ping");
        List<SessionEvent> events = record(session).awaitEnd();

        assertThat(events).hasExactlyElementsOfTypes(Reasoning.class, Reasoning.class, ErrorEvent.class,
                Result.class);
        assertThat(((Result) events.get(3)).errorCode()).contains(ErrorCode.STREAM_CLOSED);
    }

    @Test
    void garbageOnTheWireDoesNotFailTheTurn() {
        fake.failNextTurn(new Fault.GarbageEvent("\u0000\u0001 not json"));
        Session session = open(options());

        session.send("ping");
        List<SessionEvent> events = record(session).awaitEnd();

        assertThat(events).filteredOn(ErrorEvent.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ErrorEvent) e).errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR));
        assertThat(((Result) events.get(events.size() - 1)).result()).contains("pong");
    }

    @Test
    void stalledPeerIsEndedByTheIdleWatchdog() {
        fake.failNextTurn(new Fault.Stall(1));
        Session session = open(options().idleTimeout(Duration.ofMillis(300)));

        session.send("ping");
        EventRecorder events = record(session);

        assertThat(events.awaitNext(ErrorEvent.class).errorCode()).isEqualTo(ErrorCode.IDLE_TIMEOUT);
        assertThat(events.awaitResult().status()).isEqualTo(Result.Status.ERROR);
        events.assertExhausted();
        fake.enqueue(TurnScript.text("awake again"));
        session.send("still there?");
        assertThat(record(session).awaitResult().result()).contains("awake again");
    }

    @Test
    void messagesQueuedBehindARunningTurnMergeAndOneStreamCoversThemAll() {
        Gate gate = new Gate();
        fake.enqueue(TurnScript.builder().reasoning("held").awaitGate(gate).assistant("one").build());
        fake.enqueue(TurnScript.text("two and three"));
        Session session = open(options());

        session.send("first");
        EventRecorder events = record(session);
        events.awaitNext(Reasoning.class);
        session.send("second");
        session.send("third");
        gate.open();
        List<SessionEvent> all = events.awaitEnd();

        assertThat(all).filteredOn(Result.class::isInstance).extracting(e -> ((Result) e).result().orElse(null))
                .containsExactly("one", "two and three");
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void removedQueuedMessageDoesNotKeepTheStreamOpen() {
        Gate gate = new Gate();
        fake.enqueue(TurnScript.builder().reasoning("held").awaitGate(gate).assistant("one").build());
        Session session = open(options());

        session.send("first");
        EventRecorder events = record(session);
        events.awaitNext(Reasoning.class);
        String second = session.send("second");
        assertThat(session.removeQueuedMessage(second)).isTrue();
        gate.open();

        assertThat(events.awaitResult().result()).contains("one");
        events.assertExhausted();
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
    }

    @Test
    void everythingTheEngineSendsIsRecorded() {
        Session session = open(options().permissionMode(PermissionMode.BYPASS_PERMISSIONS));

        String clientMessageId = session.send("ping");
        record(session).awaitResult();
        session.close();

        assertThat(fake.sent(SentCommand.Kind.SEND)).singleElement().satisfies(c -> {
            assertThat(c.detail()).isEqualTo(clientMessageId);
            assertThat(c.conversationId()).isEqualTo(session.conversationId());
        });
        assertThat(fake.sent(SentCommand.Kind.CLOSE)).hasSize(1);
        assertThat(fake.delivered(session.conversationId())).last().isInstanceOf(Result.class);
    }

    private SessionOptions.Builder options() {
        return SessionOptions.builder().cwd(peer.workDir());
    }

    private Session open(SessionOptions.Builder options) {
        return peer.client().createSession(options.build());
    }

    private static EventRecorder record(Session session) {
        return EventRecorder.record(session.stream(), WAIT);
    }
}
