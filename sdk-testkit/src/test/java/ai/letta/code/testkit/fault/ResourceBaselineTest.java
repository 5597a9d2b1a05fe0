package ai.letta.code.testkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResourceBaselineTest {

    /** The JDK keeps sockets of its own from its first network use on: use the network once before a baseline. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUpTheNetwork() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            accepted.getOutputStream().write(1);
            client.getInputStream().read();
        }
    }

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
    void anOutboundConnectionIsCountedAndWhatAFakeServerAcceptedIsNot() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ResourceBaseline baseline = ResourceBaseline.take();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = server.accept()) {
                assertThatThrownBy(() -> baseline.assertRestored(Duration.ofMillis(200), "socket scenario"))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("1 socket(s)")
                        .hasMessageContaining("port " + client.getLocalPort() + " to port " + server.getLocalPort()
                                + " (a server of this JVM) state 01");
            }
            assertThat(baseline.assertRestored(Duration.ofSeconds(2), "after closing it")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void socketsAFakeServerAcceptedFromAnotherProcessAreNotTheSdks() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ResourceBaseline baseline = ResourceBaseline.take();
            Process peer = new ProcessBuilder("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort()
                    + "; sleep 30").start();
            try (Socket accepted = server.accept()) {
                peer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                assertThat(baseline.assertRestored(Duration.ofSeconds(2), "a peer's connection"))
                        .isGreaterThanOrEqualTo(0);
            } finally {
                peer.destroyForcibly();
            }
        }
    }
}
