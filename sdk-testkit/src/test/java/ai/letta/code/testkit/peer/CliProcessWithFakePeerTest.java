package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The stdio handle's waits, failure messages and stop sequence, proved fast against tiny bash stand-ins for the
 * CLI (a misbehaving peer is easier to script in three lines of shell than to provoke from the real one).
 */
@ExtendWith(NoLeftoverProcesses.class)
class CliProcessWithFakePeerTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    private static CliProcess fake(String script, Duration closeGrace, int maxLineChars) {
        ScratchDirs dirs = ScratchDirs.create("letta-fake-peer-", null);
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return CliProcess.start(List.of("bash", "-c", script), dirs, env, maxLineChars, closeGrace, false);
    }

    private static CliProcess fake(String script) {
        return fake(script, Duration.ofSeconds(1), 1 << 20);
    }

    @Test
    void awaitJsonSkipsNonJsonAndUnmatchedLines() {
        try (CliProcess peer = fake("echo 'not json'; echo '{\"type\":\"a\"}'; echo '{\"type\":\"b\",\"n\":2}'; cat")) {
            JsonNode found = peer.awaitJson(JsonMatch.type("b"), SHORT);
            assertThat(found.path("n").asInt()).isEqualTo(2);
        }
    }

    @Test
    void sentLinesReachStdinInOrder() {
        try (CliProcess peer = fake("cat")) {
            peer.sendAll("{\"type\":\"one\"}", "{\"type\":\"two\"}");
            assertThat(peer.readLine(SHORT)).isEqualTo("{\"type\":\"one\"}");
            assertThat(peer.readLine(SHORT)).isEqualTo("{\"type\":\"two\"}");
        }
    }

    @Test
    void timeoutNamesWhatWasAwaitedAndQuotesBothTails() throws InterruptedException {
        try (CliProcess peer = fake("echo 'boom on stderr' >&2; echo '{\"type\":\"other\"}'; sleep 30")) {
            // Let the peer print first, however loaded the machine: the short wait below is the subject, not bash.
            long deadline = System.nanoTime() + SHORT.toNanos();
            while (!(peer.stdoutTail().contains("other") && peer.stderrTail().contains("boom"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThatThrownBy(() -> peer.awaitJson(JsonMatch.type("never"), Duration.ofMillis(300)))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("waited 300 ms for a stdout line matching type=never")
                    .hasMessageContaining("last lines skipped while waiting:\n    {\"type\":\"other\"}")
                    .hasMessageContaining("boom on stderr")
                    .hasMessageContaining("still running");
        }
    }

    @Test
    void endOfStdoutFailsTheWaitWithTheExitCode() {
        try (CliProcess peer = fake("echo 'Error: Unknown option' >&2; exit 3")) {
            assertThatThrownBy(() -> peer.readLine(SHORT))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("stdout ended (exit code 3)")
                    .hasMessageContaining("Error: Unknown option");
            // The end stays visible to later reads instead of turning into a timeout.
            assertThatThrownBy(() -> peer.readLine(SHORT)).hasMessageContaining("stdout ended");
        }
    }

    @Test
    void completeLineOverTheCapFailsTheRead() {
        // printf writes the whole line with its newline at once, so one read sees a complete oversized line.
        try (CliProcess peer = fake("printf '%05000d\\n' 0; sleep 30", Duration.ofSeconds(1), 1024)) {
            assertThatThrownBy(() -> peer.readLine(SHORT))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("exceeded the cap of 1024 chars");
        }
    }

    @Test
    void endlessLineFailsTheReadBeforeItEnds() {
        try (CliProcess peer = fake("while true; do printf xxxxxxxxxxxxxxxx; done", Duration.ofSeconds(1), 1024)) {
            assertThatThrownBy(() -> peer.readLine(SHORT))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("exceeded the cap of 1024 chars");
        }
    }

    @Test
    void lineBreaksInsideALineAreRejected() {
        try (CliProcess peer = fake("cat")) {
            assertThatThrownBy(() -> peer.send("{\"a\":\n1}")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closeKillsAPeerThatIgnoresEofAndSigtermTogetherWithItsChildren() throws Exception {
        CliProcess peer = fake("trap '' TERM; sleep 300 & echo \"child $!\"; wait", Duration.ofMillis(300), 1 << 20);
        String line = peer.readLine(SHORT);
        long childPid = Long.parseLong(line.substring("child ".length()));
        ProcessHandle grandchild = ProcessHandle.of(childPid).orElseThrow();
        Path home = peer.home();
        assertThat(Files.isDirectory(home)).isTrue();

        peer.close();

        assertThat(peer.isAlive()).isFalse();
        assertThat(grandchild.isAlive()).isFalse();
        assertThat(Files.exists(home)).isFalse();
        peer.close(); // idempotent
    }
}
