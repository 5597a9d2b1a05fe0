package ai.letta.code.testkit.fakecloud;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** The last frames the relay received, bounded so a long test cannot fill the heap. Thread-safe. */
final class FrameLog {

    private final int capacity;
    private final ArrayDeque<RelayedFrame> frames = new ArrayDeque<>();

    FrameLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RelayedFrame.From from, String connectionId, String channel, String text, int deliveries) {
        if (frames.size() == capacity) {
            frames.removeFirst();
        }
        frames.addLast(new RelayedFrame(Instant.now(), from, connectionId, channel == null ? "" : channel, text,
                deliveries));
    }

    synchronized List<RelayedFrame> all() {
        return List.copyOf(frames);
    }
}
