package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The checks that transport tests outside the contract (reconnects, faults) share with it: a scripted turn that must
 * succeed, a stream a lost peer must end, a bounded wait for a condition.
 */
public final class TurnChecks {

    /** How long a dropped peer may take to end the turn's stream. */
    public static final Duration STREAM_CLOSED_BOUND = Duration.ofSeconds(5);

    private TurnChecks() {
    }

    /**
     * Scripts {@code answer} on {@code fake}, sends {@code text}, and checks the turn succeeded with that answer.
     *
     * @param fake the scripted model or Letta API behind the session's peer
     * @param session the session
     * @param text what to send
     * @param answer what the model answers
     * @param timeout the longest the turn may take
     * @return the turn's Result
     */
    public static Result scriptedTurn(ScriptedServer fake, Session session, String text, String answer,
            Duration timeout) {
        fake.enqueue(TurnScript.text(answer));
        session.send(text);
        try (EventRecorder recorder = EventRecorder.record(session.stream(), timeout)) {
            List<SessionEvent> events = recorder.awaitEnd();
            Result result = (Result) events.get(events.size() - 1);
            assertThat(result.success()).as("result of %s: %s", text, result).isTrue();
            assertThat(result.result()).contains(answer);
            return result;
        }
    }

    /**
     * Checks that a lost peer ended the turn: an {@link ErrorEvent} and a failed {@link Result}, both coded
     * {@code stream_closed}, within {@link #STREAM_CLOSED_BOUND} of {@code sinceNanos}.
     *
     * @param recorder the turn's stream
     * @param sinceNanos when the peer was lost ({@link System#nanoTime()})
     * @return the failed Result
     */
    public static Result assertStreamClosed(EventRecorder recorder, long sinceNanos) {
        ErrorEvent error = recorder.awaitNext(ErrorEvent.class);
        Result result = recorder.awaitResult();
        assertThat(Duration.ofNanos(System.nanoTime() - sinceNanos)).isLessThan(STREAM_CLOSED_BOUND);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED);
        assertThat(result.status()).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.STREAM_CLOSED);
        return result;
    }

    /**
     * Polls {@code condition} until it holds (a bounded wait, not a sleep).
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     * @param timeout the longest to wait
     * @throws AssertionError if it does not hold in time
     */
    public static void awaitCondition(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what + " in vain");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
