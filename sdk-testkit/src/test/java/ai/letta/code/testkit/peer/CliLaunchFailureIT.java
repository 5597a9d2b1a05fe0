package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A CLI that refuses its flags fails the first wait with its own words, not with a bare timeout. */
@ExtendWith(NoLeftoverProcesses.class)
class CliLaunchFailureIT {

    @Test
    void invalidPermissionModeSurfacesTheCliErrorAndExitCode() {
        LettaCodeCli launcher = LettaCodeCli.builder().permissionMode("nope").build();
        try (CliProcess cli = launcher.start()) {
            assertThatThrownBy(() -> cli.awaitJson(JsonMatch.type("system", "init"), StdioLines.STARTUP))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("stdout ended (exit code 1)")
                    .hasMessageContaining("Invalid permission mode")
                    .hasMessageContaining("--permission-mode nope");
        }
    }
}
