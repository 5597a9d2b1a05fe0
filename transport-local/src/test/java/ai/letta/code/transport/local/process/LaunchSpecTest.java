package ai.letta.code.transport.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.backend.LocalOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the CLI's environment is made of (issue 12 item 5: it inherited everything, with no way to limit it). */
class LaunchSpecTest {
    private static final CliLocator.CliInstallation INSTALL = new CliLocator.CliInstallation(
            Path.of("/opt/node/bin/node"), Path.of("/opt/letta/letta.js"), new NodeVersion(22, 23, 3));
    private static final Map<String, String> PARENT = Map.of("PATH", "/usr/bin", "HOME", "/home/me",
            "CLOUD_SECRET", "s3cr3t", "LETTA_AGENT_ID", "agent-parent");

    @Test
    void byDefaultEverythingButTheParentAgentScopeIsInherited() {
        Map<String, String> env = LaunchSpec.of(LocalOptions.builder().build(), INSTALL, PARENT, Path.of("/w")).env();

        assertThat(env).containsEntry("CLOUD_SECRET", "s3cr3t").containsEntry("HOME", "/home/me")
                .doesNotContainKey("LETTA_AGENT_ID").containsEntry("PATH", "/opt/node/bin:/usr/bin");
    }

    @Test
    void anAllowListLimitsWhatIsInheritedAndEnvStillAdds() {
        LocalOptions options = LocalOptions.builder().inheritedEnv(List.of("PATH", "HOME", "LETTA_AGENT_ID"))
                .env("OPENAI_API_KEY", "k").build();

        Map<String, String> env = LaunchSpec.of(options, INSTALL, PARENT, Path.of("/w")).env();

        assertThat(env).doesNotContainKey("CLOUD_SECRET").doesNotContainKey("LETTA_AGENT_ID")
                .containsEntry("HOME", "/home/me").containsEntry("OPENAI_API_KEY", "k")
                .containsEntry("PATH", "/opt/node/bin:/usr/bin");
        assertThat(options.toString()).contains("inheritedEnv=");
    }
}
