package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.testkit.script.TurnScript;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix's lifecycle faults ({@code FaultSupport}): a session closed while its turn runs, and many
 * cycles of {@code LettaCode.create}, {@code createSession}, {@code send}, {@code close} that must leave nothing
 * behind.
 */
public abstract class CycleFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public CycleFaultContract() {}

    @Test
    void closeDuringATurnReturnsAndEndsTheStream() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("busy"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CLOSE_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        withinBound("close() during a turn", CLOSE_BOUND, session::close);
        Result result = recorder.awaitResult();
        long toOutcome = millisSince(start);

        assertThat(result.success()).as("%s", result).isFalse();
        finish("close during a turn", CLOSE_BOUND, "Result " + result.status() + " "
                + result.errorCode().map(ErrorCode::value).orElse(""), toOutcome, recorder.events());
    }

    @Test
    void openSendCloseCyclesLeaveNothingBehind() {
        String agent = newAgent();
        int cycles = setup().faultCycles();
        long start = System.nanoTime();
        boolean freshClients = false;
        for (int i = 0; i < cycles; i++) {
            peer.enqueue(TurnScript.text("cycle " + i));
            Optional<LettaCodeClient> fresh = peer.newClient();
            freshClients = fresh.isPresent();
            try (LettaCodeClient cycleClient = fresh.orElse(null);
                    Session session = (cycleClient != null ? cycleClient : client).createSession(agent,
                            faultOptions().build())) {
                session.send("cycle " + i);
                Result result = EventRecorder.record(session.stream(), turnTimeout()).awaitResult();
                assertThat(result.success()).as("cycle %d: %s", i, result).isTrue();
            }
        }
        long total = millisSince(start);
        finish(cycles + " cycles of " + (freshClients ? "LettaCode.create, " : "") + "createSession, send, close",
                turnTimeout().multipliedBy(cycles),
                "every Result success; " + (total / Math.max(1, cycles)) + " ms per cycle", total);
    }
}
