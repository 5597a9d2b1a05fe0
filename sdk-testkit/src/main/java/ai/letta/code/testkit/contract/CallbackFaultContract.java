package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix's callback faults ({@code FaultSupport}): the user's {@code canUseTool} throws, never answers,
 * or blocks its thread; the call is denied with a reason the model hears and the turn goes on.
 */
public abstract class CallbackFaultContract extends FaultSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public CallbackFaultContract() {}

    /** The permission timeout the scenarios set. */
    static final Duration PERMISSION_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void canUseToolThatThrowsDeniesTheCallAndTheTurnGoesOn() {
        Session session = open(newAgent(), faultOptions().canUseTool(request -> {
            throw new IllegalStateException("policy service down");
        }).build());
        peer.enqueue(shellTurn("touch thrown.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "policy service down");
        finish("canUseTool throws", turnTimeout(), "denied, Result " + last(events).status(), toOutcome, events);
    }

    @Test
    void canUseToolThatNeverAnswersIsDeniedAfterThePermissionTimeout() {
        Session session = open(newAgent(), faultOptions().permissionTimeout(PERMISSION_TIMEOUT)
                .canUseTool(request -> new CompletableFuture<>()).build());
        peer.enqueue(shellTurn("touch unanswered.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "permissionTimeout");
        finish("canUseTool never answers", PERMISSION_TIMEOUT.plus(turnTimeout()),
                "denied after the permission timeout, Result " + last(events).status(), toOutcome, events);
    }

    @Test
    void canUseToolThatBlocksItsThreadIsInterruptedAndDenied() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Session session = open(newAgent(), faultOptions().permissionTimeout(PERMISSION_TIMEOUT).canUseToolSync(request -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return PermissionDecision.allow();
        }).build());
        peer.enqueue(shellTurn("touch blocked.txt && echo fault-ok"));
        long start = System.nanoTime();
        List<SessionEvent> events = turn(session, "write the file");
        long toOutcome = millisSince(start);

        assertDenied(events, "permissionTimeout");
        assertThat(interrupted.await(turnTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .as("the blocked canUseToolSync thread was interrupted").isTrue();
        finish("canUseToolSync blocks its thread", PERMISSION_TIMEOUT.plus(turnTimeout()),
                "interrupted and denied, Result " + last(events).status(), toOutcome, events);
    }

    private void assertDenied(List<SessionEvent> events, String reason) {
        List<ToolResult> results = ofType(events, ToolResult.class);
        assertThat(results).as("tool results in %s", events).hasSize(1);
        assertThat(results.get(0).isError()).isTrue();
        assertThat(results.get(0).content()).contains(reason);
        assertThat(last(events)).as("the turn ended").isNotNull();
    }
}
