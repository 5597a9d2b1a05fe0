package ai.letta.code.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResourceBaselineTest {

    @Test
    void nothingNewMeansRestored() {
        ResourceBaseline baseline = ResourceBaseline.take();
        assertThat(baseline.assertRestored(Duration.ofMillis(200), "nothing")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anSdkThreadThatOutlivesTheScenarioIsNamed() throws InterruptedException {
        ResourceBaseline baseline = ResourceBaseline.take();
        CountDownLatch stop = new CountDownLatch(1);
        Thread leak = new Thread(() -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "letta-code-leaked");
        leak.start();
        try {
            assertThatThrownBy(() -> baseline.assertRestored(Duration.ofMillis(200), "leaky scenario"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("leaky scenario")
                    .hasMessageContaining("thread letta-code-leaked");
        } finally {
            stop.countDown();
            leak.join(5_000);
        }
    }

    @Test
    void aDescendantProcessIsNamedAndKilled() throws IOException, InterruptedException {
        ResourceBaseline baseline = ResourceBaseline.take();
        Process sleep = new ProcessBuilder("sleep", "300").start();
        try {
            assertThatThrownBy(() -> baseline.assertRestored(Duration.ofMillis(200), "orphaning scenario"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("process " + sleep.pid());
            assertThat(sleep.waitFor(5, TimeUnit.SECONDS)).as("the leftover was killed").isTrue();
        } finally {
            sleep.destroyForcibly();
            sleep.getInputStream().close();
            sleep.getOutputStream().close();
            sleep.getErrorStream().close();
        }
    }

    @Test
    void anExtraSocketIsCounted() throws IOException {
        new ServerSocket(0).close(); // the JDK keeps a socket of its own from the first network use on
        ResourceBaseline baseline = ResourceBaseline.take();
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThatThrownBy(() -> baseline.assertRestored(Duration.ofMillis(200), "socket scenario"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("socket(s)");
        }
        assertThat(baseline.assertRestored(Duration.ofSeconds(2), "after closing it")).isGreaterThanOrEqualTo(0);
    }
}
