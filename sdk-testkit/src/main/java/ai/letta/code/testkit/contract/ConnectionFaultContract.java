package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Session;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix's connection faults ({@code FaultSupport}), for transports whose session reaches its peer over
 * a socket ({@link ContractFeature#NETWORK_CONNECTION}; on the others both rows are recorded not applicable): the
 * socket cut mid-turn while the peer lives on, and the server restarted mid-turn. The turn in flight ends with an
 * {@code ErrorEvent} and a failed {@code Result} coded {@code stream_closed} within
 * {@link TurnChecks#STREAM_CLOSED_BOUND}; the next turn works, on the same session after a reconnect, or (a
 * restart that outlasted the client's {@code reconnectBound}) on a new session of the same client while the old one
 * refuses with a {@code SessionClosedException}.
 */
public abstract class ConnectionFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ConnectionFaultContract() {}

    /** A restarted peer serves the next turn within this. */
    static final Duration RESTART_BOUND = Duration.ofSeconds(60);

    @Test
    void aSocketDroppedMidTurnFailsTheTurnAndTheNextTurnReconnects() {
        String fault = "socket drop mid-turn (cut at both ends, peer alive)";
        notApplicable(fault, ContractFeature.NETWORK_CONNECTION, "the session has no socket to its peer");
        assumeFeature(ContractFeature.SLOW_TURNS);
        FaultInjection injection = injection("cut a connection");
        Gate gate = new Gate();
        Session session = open(newAgent(), faultOptions().build());
        EventRecorder recorder = heldTurn(session, gate, "about to lose the socket");

        long start = System.nanoTime();
        Assumptions.assumeTrue(injection.dropConnection(session), "the peer has no connection it can cut; skipped");
        Result failed = TurnChecks.assertStreamClosed(recorder, start);
        long toOutcome = millisSince(start);
        gate.open();

        long nextStart = System.nanoTime();
        scriptedTurn(session, "still there?", "back after the drop");
        long toNextTurn = millisSince(nextStart);
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
        finish(fault, TurnChecks.STREAM_CLOSED_BOUND, "ErrorEvent + Result ERROR "
                + failed.errorCode().orElseThrow() + "; next turn SUCCESS on the same session, reconnected, "
                + toNextTurn + " ms", toOutcome, recorder.events());
    }

    @Test
    void aServerRestartedMidTurnFailsTheTurnAndTheNextTurnWorks() {
        String fault = "server restart mid-turn";
        notApplicable(fault, ContractFeature.NETWORK_CONNECTION, "the session has no server it connects to");
        assumeFeature(ContractFeature.SLOW_TURNS);
        FaultInjection injection = injection("restart its server");
        Gate gate = new Gate();
        // A named model: the app server's local backend forgets its default across a restart (CLI 0.32.18).
        String agent = client.createAgent(AgentOptions.builder().persona("You are a contract-test agent.")
                .model(peer.alternateModel()).build());
        Session session = open(agent, faultOptions().build());
        EventRecorder recorder = heldTurn(session, gate, "about to see a restart");

        long start = System.nanoTime();
        Assumptions.assumeTrue(injection.restartPeer(session), "the peer has no server it can restart; skipped");
        long restarted = millisSince(start);
        gate.open();
        Result failed = recorder.awaitResult();
        // From the fault to the failed Result's arrival: the restart itself may finish later.
        long toOutcome = (recorder.arrivalNanos(failed) - start) / 1_000_000;
        assertThat(failed.status()).as("%s", failed).isEqualTo(Result.Status.ERROR);
        assertThat(failed.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        assertThat(ofType(recorder.events(), ErrorEvent.class)).as("errors before %s", failed)
                .anyMatch(error -> error.errorCode().equals(ErrorCode.STREAM_CLOSED));

        long nextStart = System.nanoTime();
        Session next = session;
        String where = "the same session, reconnected";
        if (session.state() == SessionState.CLOSED) {
            assertThatThrownBy(() -> session.send("anyone?")).isInstanceOf(SessionClosedException.class);
            next = open(agent, faultOptions().build());
            where = "a new session (the old one closed past reconnectBound)";
        }
        scriptedTurn(next, "are you back?", "back after the restart");
        long toNextTurn = millisSince(nextStart);
        finish(fault, RESTART_BOUND, "ErrorEvent + Result ERROR " + failed.errorCode().orElseThrow()
                + "; restart " + restarted + " ms; next turn SUCCESS on " + where + ", " + toNextTurn + " ms",
                toOutcome, recorder.events());
    }

    /** Sends a turn that waits for {@code gate} after its reasoning, and returns its stream once that arrived. */
    private EventRecorder heldTurn(Session session, Gate gate, String reasoning) {
        peer.enqueue(TurnScript.builder().reasoning(reasoning).awaitGate(gate).assistant("never seen").build());
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), RESTART_BOUND));
        recorder.awaitNext(Reasoning.class);
        return recorder;
    }
}
