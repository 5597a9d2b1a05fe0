package ai.letta.code.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksIdTest {

    @Test
    void acceptsIdsOfTheKindAndIdsInOtherForms() {
        assertThat(Checks.requireId(" agent-123e4567 ", "agentId", "agent")).isEqualTo("agent-123e4567");
        assertThat(Checks.requireId("local-agent", "agentId", "agent")).isEqualTo("local-agent");
        assertThat(Checks.requireId("123", "agentId", "agent")).isEqualTo("123");
    }

    @Test
    void refusesAnIdOfAnotherKindNamingBoth() {
        assertThatThrownBy(() -> Checks.requireId("conv-1", "agentId", "agent"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId must be an agent id")
                .hasMessageContaining("not a conversation id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a/b", "../x", "a?b", "a#b", "a%2Fb", "a b", "a\u0000b", "-rf"})
    void refusesWhatCannotBeAPathSegment(String id) {
        assertThatThrownBy(() -> Checks.requireId(id, "toolId", "tool"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("toolId");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Checks.requireId(null, "blockId", "block"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("blockId");
    }

    @Test
    void negativeCountsAreRefused() {
        assertThat(Checks.requireNonNegative(0, "limit")).isZero();
        assertThatThrownBy(() -> Checks.requireNonNegative(-1, "limit")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("limit must not be negative");
    }
}
