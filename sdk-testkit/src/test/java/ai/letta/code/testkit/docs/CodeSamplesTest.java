package ai.letta.code.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.docs.CodeSamples.Sample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's Javadoc samples compile, and a sample that does not is reported with its place and cause. */
class CodeSamplesTest {
    private static final CodeSamples SAMPLES = CodeSamples.compiledWith(List.of("ai.letta.code.api",
            "ai.letta.code.api.event", "ai.letta.code.core", "ai.letta.code.testkit.contract",
            "ai.letta.code.testkit.fake", "ai.letta.code.testkit.fakeapi", "ai.letta.code.testkit.fakecloud",
            "ai.letta.code.testkit.peer", "ai.letta.code.testkit.script", "ai.letta.code.testkit.secrets",
            "java.time", "java.util",
            "org.junit.jupiter.api.extension", "static org.assertj.core.api.Assertions"),
            Map.of("names", "List<String>", "session", "Session"));

    @Test
    void javadocSamplesCompile() {
        List<Sample> samples = CodeSamples.inJavadoc(Path.of("src/main/java"));

        assertThat(samples).isNotEmpty();
        assertThat(SAMPLES.problems(samples)).isEmpty();
    }

    @Test
    void aBrokenSampleIsReportedAndFreeVariablesComeFromTheContext() {
        List<String> problems = SAMPLES.problems(List.of(
                new Sample("ok.md:1", "for (String n : names) { System.out.println(n.length()); }"),
                new Sample("expressions.md:1", "List.of(1)        // a list\nMap.of()"),
                new Sample("broken.md:7", "names.add(42);")));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("broken.md:7: ").contains("names.add(42);");
    }
}
