package ai.letta.code.transport.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.docs.CodeSamples;
import ai.letta.code.testkit.docs.CodeSamples.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's Java samples and the Javadoc samples of sdk-api, sdk-core and this module compile against the
 * current API (this module's test class path is the one that holds all three).
 */
class CodeSamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("letta.api.dir")).getParent();

    private static final CodeSamples SAMPLES = CodeSamples.compiledWith(List.of(
            "ai.letta.code.api", "ai.letta.code.api.agent", "ai.letta.code.api.archive", "ai.letta.code.api.backend",
            "ai.letta.code.api.command",
            "ai.letta.code.api.conversation", "ai.letta.code.api.event", "ai.letta.code.api.exception", "ai.letta.code.api.group",
            "ai.letta.code.api.message", "ai.letta.code.api.model", "ai.letta.code.api.permission", "ai.letta.code.api.tool", "ai.letta.code.core",
            "ai.letta.code.transport.local", "com.google.inject", "java.net", "java.nio.file", "java.time",
            "java.util", "java.util.concurrent"),
            Map.of("client", "LettaCodeClient", "session", "Session", "agentId", "String", "conversationId", "String",
                    "options", "SessionOptions", "token", "String", "request", "ToolPermissionRequest"));

    @Test
    void readmeSamplesCompile() {
        List<Sample> samples = CodeSamples.inMarkdown(ROOT.resolve("README.md"));

        assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
        assertThat(SAMPLES.problems(samples)).isEmpty();
    }

    @Test
    void javadocSamplesCompile() {
        List<Sample> samples = new ArrayList<>();
        for (String module : List.of("sdk-api", "sdk-core", "transport-local")) {
            samples.addAll(CodeSamples.inJavadoc(ROOT.resolve(module).resolve("src/main/java")));
        }

        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        assertThat(SAMPLES.problems(samples)).isEmpty();
    }
}
