package ai.letta.code.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the stdio launcher puts on the command line and in the environment, without spawning anything. */
class LettaCodeCliOptionsTest {

    private final PeerInstall install = PeerInstall.locate();

    @Test
    void commandRunsThePinnedNodeInStreamJsonModeWithAnExplicitPermissionMode() {
        LettaCodeCli launcher = LettaCodeCli.builder(install).backend(PeerBackend.deterministic())
                .model("openai-compatible/fake-model").args("--new-agent").build();
        assertThat(launcher.command()).containsExactly(install.node().toString(), install.cli().toString(), "-p",
                "--input-format", "stream-json", "--output-format", "stream-json", "--backend", "local",
                "--permission-mode", "standard", "-m", "openai-compatible/fake-model", "--new-agent");
    }

    @Test
    void environmentIsAnAllowListWithAFreshHomeAndTelemetryOff() {
        Path home = Path.of("/tmp/some-home");
        Map<String, String> env = PeerEnvironment.base(install, home);
        assertThat(env).containsEntry("HOME", home.toString()).containsEntry("LETTA_CODE_TELEM", "0");
        assertThat(env.get("PATH")).startsWith(install.node().getParent() + File.pathSeparator);
        assertThat(env.keySet()).allSatisfy(name -> assertThat(name).doesNotStartWith("LETTA_API")
                .doesNotStartWith("LETTA_BASE").doesNotStartWith("LETTA_LOCAL").isNotEqualTo("MEMORY_DIR"));
    }

    @Test
    void settersRejectBadValuesAndNameTheField() {
        LettaCodeCli.Builder builder = LettaCodeCli.builder(install);
        assertThatThrownBy(() -> builder.permissionMode(" ")).hasMessageContaining("permissionMode");
        assertThatThrownBy(() -> builder.closeGrace(Duration.ZERO)).hasMessageContaining("closeGrace");
        assertThatThrownBy(() -> builder.maxLineChars(10)).hasMessageContaining("maxLineChars");
        assertThatThrownBy(() -> PeerBackend.api(java.net.URI.create("http://x"), ""))
                .hasMessageContaining("apiKey");
    }
}
