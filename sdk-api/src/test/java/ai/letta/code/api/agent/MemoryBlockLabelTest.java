package ai.letta.code.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A label names a file of the memory repository and a REST path segment: only safe ones get in (issue 12 item 7). */
class MemoryBlockLabelTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ../../../../escaped    | has a segment starting with '.'
            ..                     | has a segment starting with '.'
            skills/../../escaped   | has a segment starting with '.'
            .git/config            | has a segment starting with '.'
            skills/.hidden         | has a segment starting with '.'
            /etc/passwd            | has an empty or blank segment
            skills/                | has an empty or blank segment
            skills//java           | has an empty or blank segment
            skills/ /java          | has an empty or blank segment
            ..\\..\\escaped        | contains a backslash
            C:\\escaped            | contains a backslash
            """)
    void aLabelThatCouldLeaveItsFolderIsRejectedNamingItAndTheRule(String label, String rule) {
        assertThatThrownBy(() -> MemoryBlock.of(label, "x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MemoryBlock.label \"" + label + "\" " + rule);
        assertThatThrownBy(() -> AgentOptions.builder().memoryBlock(new MemoryBlock(label, "x", null, 0, false, null)))
                .isInstanceOf(ConfigurationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000byte", "new\nline", "tab\tbed", "bell\u0007", "del\u007f", "c1\u0085"})
    void controlCharactersAndNulAreRejectedAndEscapedInTheMessage(String label) {
        assertThatThrownBy(() -> MemoryBlock.of(label, "x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("contains a control character or NUL")
                .hasMessageContaining("\\u00")
                .satisfies(e -> assertThat(e.getMessage().chars().filter(c -> c < 0x20 || c == 0x7f).count())
                        .isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankLabelIsRejected(String label) {
        assertThatThrownBy(() -> MemoryBlock.of(label, "x"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MemoryBlock.label must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"persona", "human", "skills/java", "project/notes/2026", "release notes", "a.b",
            "mémoire", "notes?v=2#1", "x-y_z"})
    void ordinaryAndNestedLabelsAreAccepted(String label) {
        assertThat(MemoryBlock.of(label, "x").label()).isEqualTo(label);
        assertThat(MemoryBlock.requireLabel(label, "label")).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"a, 128, true", "a, 129, false", "é, 64, true", "é, 65, false"})
    void aLabelHoldsAtMost128BytesOfUtf8(String unit, int times, boolean accepted) {
        String label = unit.repeat(times);
        if (accepted) {
            assertThat(MemoryBlock.of(label, "x").label()).isEqualTo(label);
        } else {
            assertThatThrownBy(() -> MemoryBlock.of(label, "x"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("is longer than 128 bytes of UTF-8");
        }
    }
}
