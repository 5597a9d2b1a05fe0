package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.testkit.fault.ProcessSignals;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix's peer faults ({@code FaultSupport}): the peer dies mid-turn, or freezes mid-turn. A frozen
 * peer ({@code SIGSTOP}) is at once a stalled stdin (the local CLI reads none of what the SDK writes), a socket that
 * stays open but goes silent (the app server's, the cloud listener's behind the relay) and a stalled stream; the
 * row's name says so.
 */
public abstract class PeerFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public PeerFaultContract() {}

    @Test
    void peerCrashMidTurnEndsTheTurnFailedAndLeavesNothing() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("about to crash"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CRASH_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        peer.killPeer(session);
        Result result = recorder.awaitResult();
        long toOutcome = millisSince(start);

        assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        finish("peer crash mid-turn", CRASH_BOUND, "Result ERROR " + result.errorCode().orElseThrow(), toOutcome,
                recorder.events());
    }

    @Test
    void frozenPeerEndsTheTurnByTheIdleTimeoutAndCloseStillReturns() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Duration idle = Duration.ofSeconds(2);
        Duration bound = idle.plus(CRASH_BOUND);
        Session session = open(newAgent(), faultOptions().idleTimeout(idle).build());
        peer.enqueue(heldTurn("about to freeze"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), bound));
        recorder.awaitNext(Reasoning.class);

        Optional<ProcessHandle> frozen = injection("freeze a process").freezePeer(session);
        Assumptions.assumeTrue(frozen.isPresent(), "the peer has no process it can freeze; scenario skipped");
        try {
            long start = System.nanoTime();
            Result result = recorder.awaitResult();
            long toOutcome = millisSince(start);
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
            assertThat(result.errorCode()).as("%s", result).get().isIn(ErrorCode.IDLE_TIMEOUT,
                    ErrorCode.STREAM_CLOSED);

            long closeStart = System.nanoTime();
            withinBound("close() with the peer frozen", CLOSE_BOUND, session::close);
            long toClose = millisSince(closeStart);
            finish("peer frozen mid-turn (SIGSTOP): stalled stdin, silent open socket, stalled stream", bound,
                    "Result ERROR " + result.errorCode().orElseThrow() + "; close() " + toClose + " ms", toOutcome,
                    recorder.events());
        } finally {
            ProcessSignals.thaw(frozen.get());
        }
    }
}
