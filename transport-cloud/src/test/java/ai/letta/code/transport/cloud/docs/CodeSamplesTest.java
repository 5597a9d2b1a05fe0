package ai.letta.code.transport.cloud.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.docs.CodeSamples;
import ai.letta.code.testkit.docs.CodeSamples.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Javadoc samples of this module compile against the current API. */
class CodeSamplesTest {

    @Test
    void javadocSamplesCompile() {
        List<Sample> samples = CodeSamples.inJavadoc(Path.of("src/main/java"));

        assertThat(samples).isNotEmpty();
        assertThat(CodeSamples.compiledWith(List.of("ai.letta.code.api", "ai.letta.code.api.backend",
                        "ai.letta.code.core", "ai.letta.code.transport.cloud", "com.google.inject", "java.net",
                        "java.time", "java.util"), Map.of())
                .problems(samples)).isEmpty();
    }
}
