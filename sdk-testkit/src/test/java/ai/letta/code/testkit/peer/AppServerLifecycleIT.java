package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping and failing to start: no process and no scratch folder may outlive the launcher. */
@ExtendWith(NoLeftoverProcesses.class)
class AppServerLifecycleIT {

    @Test
    void stopSendsSigtermAndTheServerExitsCleanly() {
        AppServerProcess server = AppServerProcess.builder().startupTimeout(Duration.ofSeconds(30)).start();
        Path home = server.home();
        ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();

        assertThat(server.stop()).isZero();

        assertThat(handle.isAlive()).isFalse();
        assertThat(server.stdoutTail()).contains("Stopped App Server (SIGTERM).");
        assertThat(Files.exists(home)).isFalse();
        assertThat(server.stop()).isZero(); // idempotent
    }

    @Test
    void startupTimeoutQuotesTheCommandAndStopsTheServer() {
        assertThatThrownBy(() -> AppServerProcess.builder().startupTimeout(Duration.ofMillis(200)).start())
                .isInstanceOf(PeerProcessException.class)
                .hasMessageContaining("printed no 'Listening on ws://…' line within 200 ms")
                .hasMessageContaining("server --listen ws://127.0.0.1:0")
                .hasMessageContaining("stderr tail");
    }

    @Test
    void serverThatExitsAtStartupReportsItsStderr() {
        assertThatThrownBy(() -> AppServerProcess.builder().args("--ws-auth", "capability-token").start())
                .isInstanceOf(PeerProcessException.class)
                .hasMessageContaining("ended before printing")
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("--ws-token-file` or `--ws-token-sha256` is required");
    }

    @Test
    void fakeHeadlessBackendIsRejectedForTheAppServer() {
        assertThatThrownBy(() -> AppServerProcess.builder().backend(PeerBackend.fakeHeadless()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fake-headless");
    }
}
