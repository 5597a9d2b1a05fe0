package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.AbortOutcome;
import ai.letta.code.api.Dreaming;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.testkit.script.TurnScript;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Abort, close, the idle watchdog and a transport that dies: each ends the turn with a result, never a hang, and
 * leaves the session usable (abort) or closed (close, transport death) with typed errors afterwards.
 */
public abstract class LifecycleContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public LifecycleContract() {}

    /** A turn that streams one reasoning and then holds the stream open, silently. */
    private static TurnScript heldTurn(String reasoning) {
        return TurnScript.builder().reasoning(reasoning).stall().build();
    }

    @Test
    void abortMidTurnEndsItInterruptedAndTheSessionStaysUsable() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        peer.enqueue(heldTurn("working on it"));
        session.send("start something long");
        EventRecorder recorder = record(session);
        recorder.awaitNext(Reasoning.class);

        AbortOutcome outcome = within("abort()", session::abort);

        assertThat(outcome).isEqualTo(AbortOutcome.INTERRUPTED);
        Result result = recorder.awaitResult();
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
        recorder.assertExhausted();
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
        scriptedTurn(session, "after the abort", "after abort ok");
    }

    @Test
    void abortWhileIdleHasNothingToAbort() {
        Session session = openSession();

        assertThat(session.abort()).isEqualTo(AbortOutcome.NOTHING_TO_ABORT);
        scriptedTurn(session, "a turn", "idle abort ok");
        assertThat(session.abort()).isEqualTo(AbortOutcome.NOTHING_TO_ABORT);
    }

    @Test
    void closeDuringATurnEndsTheStreamAndIsIdempotent() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        peer.enqueue(heldTurn("busy for a while"));
        session.send("start something long");
        EventRecorder recorder = record(session);
        recorder.awaitNext(Reasoning.class);

        within("close()", session::close);

        Result result = recorder.awaitResult();
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(result.errorCode()).contains(ErrorCode.SESSION_CLOSED);
        recorder.assertExhausted();
        within("a second close()", session::close);
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThatThrownBy(() -> session.send("too late")).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void closeWithAPendingApprovalReturnsPromptly() {
        CountDownLatch asked = new CountDownLatch(1);
        Session session = open(newAgent(), options().canUseTool(request -> {
            asked.countDown();
            return new CompletableFuture<PermissionDecision>(); // never answered
        }).build());
        peer.enqueue(shellTurn("touch pending.txt && echo contract-ok"));
        session.send("write the file");
        EventRecorder recorder = record(session);
        awaitCondition("the permission callback", () -> asked.getCount() == 0);

        within("close() with a pending approval", session::close);

        recorder.awaitEnd();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(peer.workDir().resolve("pending.txt")).doesNotExist();
        }
    }

    @Test
    void idleTimeoutEndsAStalledTurnWithAnError() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = open(newAgent(), options().idleTimeout(idleTimeout()).build());
        peer.enqueue(heldTurn("then silence"));
        session.send("stall please");
        EventRecorder recorder = record(session);

        ErrorEvent error = recorder.awaitNext(ErrorEvent.class);
        Result result = recorder.awaitResult();

        assertThat(error.errorCode()).isEqualTo(ErrorCode.IDLE_TIMEOUT);
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.IDLE_TIMEOUT);
        recorder.assertExhausted();
    }

    @Test
    void transportDeathMidTurnEndsTheTurnWithAnErrorAndClosesTheSession() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        peer.enqueue(heldTurn("about to lose the peer"));
        session.send("keep going");
        EventRecorder recorder = record(session);
        recorder.awaitNext(Reasoning.class);

        peer.killPeer(session);

        ErrorEvent error = recorder.awaitNext(ErrorEvent.class);
        Result result = recorder.awaitResult();
        assertThat(error.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        recorder.assertExhausted();
        awaitCondition("the session to close", () -> session.state() == SessionState.CLOSED);
        assertThatThrownBy(() -> session.send("anyone there?")).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void transportDeathWhileIdleClosesTheSession() {
        Session session = openSession();
        scriptedTurn(session, "one turn first", "idle death ok");

        peer.killPeer(session);

        awaitCondition("the session to close", () -> session.state() == SessionState.CLOSED);
        assertThatThrownBy(() -> session.send("anyone there?")).isInstanceOf(SessionClosedException.class);
        within("close() after the transport died", session::close);
    }

    @Test
    void closingTheClientClosesItsSessions() {
        Session session = openSession();
        scriptedTurn(session, "one turn first", "client close ok");

        within("client.close()", client::close);

        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThatThrownBy(() -> session.send("anyone there?")).isInstanceOf(SessionClosedException.class);
    }

    @Test
    void transportDeathBeforeTheStreamIsReadStillDeliversTheFailedResult() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = openSession();
        peer.enqueue(heldTurn("nobody reads this yet"));
        session.send("keep going");

        peer.killPeer(session);
        awaitCondition("the session to close", () -> session.state() == SessionState.CLOSED);

        List<SessionEvent> events = record(session).awaitEnd();
        Result result = last(events);
        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        assertThat(ofType(events, ErrorEvent.class)).extracting(ErrorEvent::errorCode)
                .contains(ErrorCode.STREAM_CLOSED);
    }

    @Test
    void closedSessionRejectsNewWorkButNotClose() {
        Session session = openSession();
        scriptedTurn(session, "one turn first", "closed ok");
        session.close();

        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThatThrownBy(() -> session.send("hello")).isInstanceOf(SessionClosedException.class);
        assertThatThrownBy(session::abort).isInstanceOf(SessionClosedException.class);
        assertThatThrownBy(() -> session.updateDreaming(Dreaming.off())).isInstanceOf(SessionClosedException.class);
        within("close() of a closed session", session::close);
    }
}
