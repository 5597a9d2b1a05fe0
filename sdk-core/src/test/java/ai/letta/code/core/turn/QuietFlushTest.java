package ai.letta.code.core.turn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.turn.ChunkJoiner.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class QuietFlushTest {

    /** A timer whose tasks run when the test says, in the test's thread (the serial context). */
    private static final class ManualTimer implements QuietFlush.Timer {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public Future<?> schedule(Runnable task, Duration delay) {
            tasks.add(task);
            delays.add(delay);
            return new CompletableFuture<>();
        }

        void runNext() {
            tasks.remove(0).run();
        }
    }

    private final List<SessionEvent> out = new ArrayList<>();
    private final ChunkJoiner joiner = new ChunkJoiner(false, t -> Map.of());

    @Test
    void anOpenTextMessageIsEmittedOnceTheStreamWasQuietLongEnough() throws Exception {
        ManualTimer timer = new ManualTimer();
        QuietFlush quiet = new QuietFlush(timer, Duration.ofMillis(20));
        joiner.text(Text.REASONING, "m1", "thinking", null, true, out);
        quiet.arm(joiner, () -> joiner.flush(out));
        quiet.arm(joiner, () -> joiner.flush(out));
        assertThat(timer.tasks).as("one timer task at a time").hasSize(1);
        Thread.sleep(25);
        timer.runNext();
        assertThat(out).containsExactly(new Reasoning("m1", "thinking", null));
    }

    @Test
    void aTimerThatFiresBeforeTheQuietTimeIsUpReArmsForTheRest() {
        ManualTimer timer = new ManualTimer();
        QuietFlush quiet = new QuietFlush(timer, Duration.ofSeconds(30));
        joiner.text(Text.ASSISTANT, "m1", "hel", null, true, out);
        quiet.arm(joiner, () -> joiner.flush(out));
        timer.runNext();
        assertThat(out).isEmpty();
        assertThat(timer.tasks).hasSize(1);
        assertThat(timer.delays.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(30)).isPositive();
    }

    @Test
    void nothingIsFlushedWithoutAnOpenTextMessageOrAfterCancelAndClose() {
        ManualTimer timer = new ManualTimer();
        QuietFlush quiet = new QuietFlush(timer, Duration.ZERO);
        quiet.arm(joiner, () -> joiner.flush(out));
        assertThat(timer.tasks).as("nothing to wait for").isEmpty();
        joiner.text(Text.ASSISTANT, "m1", "hi", null, true, out);
        quiet.arm(joiner, () -> joiner.flush(out));
        quiet.close();
        timer.runNext();
        quiet.arm(joiner, () -> joiner.flush(out));
        assertThat(timer.tasks).isEmpty();
        assertThat(out).isEmpty();
    }
}
