package ai.letta.code.transport.cloud.relay;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Puts the relay's two sockets back in the listener's order. Both carry the listener's one {@code event_seq}, and
 * a control frame ({@code turn_finished}, {@code control_request}) can overtake the stream socket's events before
 * it: a turn's last deltas would then arrive after its end. A control frame is therefore held until the stream
 * socket has delivered the events before it, or has moved past it, or {@value #HOLD_MS} ms have passed (the
 * missing numbers may be other conversations' events, which never come); every later control frame waits behind
 * it, so control frames keep their order. Event-loop confined; the caller schedules {@link #release} after
 * {@value #HOLD_MS} ms whenever {@link #control} holds a frame.
 */
final class SocketOrder {

    static final long HOLD_MS = 150;

    private record Held(String text, long eventSeq, long deadlineNanos) {
    }

    private final EventGaps gaps;
    private final Consumer<String> out;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long streamHighest = -1;

    /**
     * @param gaps the numbers seen so far (the caller records every frame's number there first)
     * @param out where frames go, in order
     */
    SocketOrder(EventGaps gaps, Consumer<String> out) {
        this.gaps = gaps;
        this.out = out;
    }

    /**
     * @param text a control frame
     * @param eventSeq its number, or -1
     * @param nowNanos the time
     * @return whether it was held (then schedule {@link #release})
     */
    boolean control(String text, long eventSeq, long nowNanos) {
        if (held.isEmpty() && !behind(eventSeq)) {
            out.accept(text);
            return false;
        }
        held.add(new Held(text, eventSeq, nowNanos + TimeUnit.MILLISECONDS.toNanos(HOLD_MS)));
        return true;
    }

    /**
     * @param text a stream frame
     * @param eventSeq its number, or -1
     * @param nowNanos the time
     */
    void stream(String text, long eventSeq, long nowNanos) {
        streamHighest = Math.max(streamHighest, eventSeq);
        if (!held.isEmpty() && eventSeq > held.peek().eventSeq()) {
            release(nowNanos); // the listener sent the held frames before this one
        }
        out.accept(text);
        release(nowNanos);
    }

    /** @param nowNanos the time: hands on, in order, the held frames caught up with or past their wait */
    void release(long nowNanos) {
        while (!held.isEmpty()) {
            Held next = held.peek();
            if (behind(next.eventSeq()) && nowNanos - next.deadlineNanos() < 0) {
                return;
            }
            held.poll();
            out.accept(next.text());
        }
    }

    /** Hands on every held frame: the relay is ending, and what arrived before the end is not lost with it. */
    void flush() {
        while (!held.isEmpty()) {
            out.accept(held.poll().text());
        }
    }

    private boolean behind(long eventSeq) {
        return eventSeq >= 0 && gaps.missingBelow(eventSeq) && streamHighest < eventSeq;
    }
}
