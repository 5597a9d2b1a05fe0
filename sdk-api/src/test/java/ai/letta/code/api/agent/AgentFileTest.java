package ai.letta.code.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentFileTest {

    private static final String DOC = "{\n  \"agents\": [{\"id\": \"agent-0\", \"name\": \"Patch ☕\"}],\n"
            + "  \"blocks\": []\n}";

    @Test
    void theTextIsKeptAndWrittenAndReadBackAsUtf8(@TempDir Path dir) throws Exception {
        AgentFile file = AgentFile.of(DOC);
        Path written = file.writeTo(dir.resolve("patch.af"));

        assertThat(Files.readString(written)).isEqualTo(DOC);
        assertThat(AgentFile.read(written)).isEqualTo(file);
        assertThat(AgentFile.read(written).json()).isEqualTo(DOC);
        assertThat(file.toString()).doesNotContain("Patch").contains(DOC.length() + " chars");
    }

    @Test
    void whatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> AgentFile.of(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AgentFile.json");
        assertThatThrownBy(() -> AgentFile.of("\"string\"")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> AgentFile.of("[1]")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fileProblemsAreSdkExceptionsNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("missing.af");
        assertThatThrownBy(() -> AgentFile.read(missing)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString());
        Path noDir = dir.resolve("no/such/dir/x.af");
        assertThatThrownBy(() -> AgentFile.of(DOC).writeTo(noDir)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(noDir.toString());
    }
}
