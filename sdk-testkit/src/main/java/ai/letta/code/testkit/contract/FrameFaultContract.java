package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix's frame faults ({@code FaultSupport}): a frame injected on the session's path mid-turn, as if
 * the peer had sent it: garbage, wrongly typed fields, more than the 64 MiB cap.
 */
public abstract class FrameFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public FrameFaultContract() {}

    @Test
    void garbageFrameMidTurnIsAnErrorEventAndTheTurnGoesOn() {
        injectedFrameScenario("garbage frame mid-turn", session -> "{not json at all");
    }

    @Test
    void wronglyTypedPermissionRequestIsAnErrorEventAndTheTurnGoesOn() {
        injectedFrameScenario("wrongly typed control_request mid-turn", session -> "{\"type\":\"control_request\","
                + "\"request_id\":\"fault-perm-1\"," + runtime(session) + ",\"request\":{\"subtype\":\"can_use_tool\","
                + "\"tool_name\":\"\",\"input\":\"oops\",\"permission_suggestions\":\"oops\"}}");
    }

    @Test
    void frameOver64MiBEndsInATypedOutcome() {
        injectedFrameScenario("64 MiB + 1 frame mid-turn", session -> {
            String head = "{\"type\":\"stream_delta\"," + runtime(session)
                    + ",\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"huge\",\"content\":\"";
            String tail = "\"}}";
            return head + "x".repeat(64 * 1024 * 1024 + 1 - head.length() - tail.length()) + tail;
        });
    }

    /**
     * A held turn, then {@code frame} injected on the session's path: the SDK reports it with a
     * {@code protocol_error} {@code ErrorEvent} and stays in control (an abort ends the turn within the bound), or,
     * for a frame over the size cap, fails the turn with an {@code ErrorEvent} naming the cap. Every transport reports
     * a garbage frame (the CLI guards its stdout in headless mode, so a non-JSON line there is a broken protocol too).
     */
    private void injectedFrameScenario(String fault, Function<Session, String> frame) {
        assumeFeature(ContractFeature.SLOW_TURNS);
        injection("inject frames");
        Session session = open(newAgent(), faultOptions().build());
        peer.enqueue(heldTurn("frames incoming"));
        session.send("keep going");
        EventRecorder recorder = closeLater(EventRecorder.record(session.stream(), CRASH_BOUND));
        recorder.awaitNext(Reasoning.class);

        long start = System.nanoTime();
        Assumptions.assumeTrue(injection("inject frames").injectFrame(session, frame.apply(session)),
                "the peer has no path it can write a frame into; scenario skipped");
        ErrorEvent error = recorder.awaitNext(ErrorEvent.class);
        String outcome;
        if (error.errorCode().equals(ErrorCode.PROTOCOL_ERROR)) {
            // Reported, and the turn is still the SDK's to end.
            withinBound("abort() after the frame", CRASH_BOUND, session::abort);
            Result result = recorder.awaitResult();
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.INTERRUPTED);
            outcome = "ErrorEvent protocol_error; abort() then Result INTERRUPTED";
        } else {
            // A frame too big to take ends the connection: the turn fails, saying why.
            assertThat(error.errorCode()).as("%s", error).isEqualTo(ErrorCode.STREAM_CLOSED);
            assertThat(error.message()).contains("maxFrameBytes");
            Result result = recorder.awaitResult();
            assertThat(result.status()).as("%s", result).isEqualTo(Result.Status.ERROR);
            outcome = "ErrorEvent stream_closed naming maxFrameBytes; Result ERROR";
        }
        finish(fault, CRASH_BOUND, outcome, millisSince(start), recorder.events());
    }
}
