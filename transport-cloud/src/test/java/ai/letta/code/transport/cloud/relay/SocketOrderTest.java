package ai.letta.code.transport.cloud.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay's two sockets back in the listener's {@code event_seq} order. */
class SocketOrderTest {

    private final EventGaps gaps = new EventGaps();
    private final List<String> out = new ArrayList<>();
    private final SocketOrder order = new SocketOrder(gaps, out::add);

    private void stream(String text, long seq) {
        gaps.seen(seq);
        order.stream(text, seq, 0);
    }

    private boolean control(String text, long seq, long now) {
        if (seq >= 0) {
            gaps.seen(seq);
        }
        return order.control(text, seq, now);
    }

    @Test
    void aTurnFinishedThatOvertookTheTurnsLastDeltasComesAfterThem() {
        stream("delta-1", 1);
        assertThat(control("turn_finished-4", 4, 0)).isTrue();
        assertThat(control("input_accepted", -1, 0)).isTrue(); // behind a held frame: keeps its place
        stream("delta-2", 2);
        assertThat(out).containsExactly("delta-1", "delta-2");
        stream("delta-3", 3);
        assertThat(out).containsExactly("delta-1", "delta-2", "delta-3", "turn_finished-4", "input_accepted");
    }

    @Test
    void aStreamFrameFromAfterTheHeldOneLetsItGoFirst() {
        stream("delta-1", 1);
        control("turn_finished-3", 3, 0); // 2 belongs to another conversation and never comes
        stream("status-5", 5);
        assertThat(out).containsExactly("delta-1", "turn_finished-3", "status-5");
    }

    @Test
    void aHeldFrameGoesOnceItsWaitIsOverAndFramesInOrderPassAtOnce() {
        stream("delta-1", 1);
        assertThat(control("response", -1, 0)).isFalse();
        assertThat(control("turn_finished-2", 2, 0)).isFalse();
        assertThat(control("control_request-9", 9, 0)).isTrue();
        order.release(TimeUnit.MILLISECONDS.toNanos(SocketOrder.HOLD_MS - 1));
        assertThat(out).containsExactly("delta-1", "response", "turn_finished-2");
        order.release(TimeUnit.MILLISECONDS.toNanos(SocketOrder.HOLD_MS));
        assertThat(out).endsWith("control_request-9");
    }

    @Test
    void flushHandsOnWhatIsHeld() {
        stream("delta-1", 1);
        control("turn_finished-7", 7, 0);
        order.flush();
        assertThat(out).containsExactly("delta-1", "turn_finished-7");
    }
}
