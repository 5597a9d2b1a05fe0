package ai.letta.code.api.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Letta API create-body fields of {@link AgentOptions}: kept as set, copied, and bad values refused by name. */
class AgentOptionsApiFieldsTest {

    private static final String BLOCK = "block-00000000-0000-4000-8000-000000000001";
    private static final String TOOL = "tool-00000000-0000-4000-8000-000000000002";

    @Test
    void theFieldsAreKeptAsSet() {
        AgentOptions options = AgentOptions.builder().blockId(BLOCK).tools(List.of("web_search", " fetch_webpage "))
                .toolId(TOOL).metadata(Map.of("team", "core")).enableSleeptime(true).contextWindowLimit(32000)
                .build();

        assertThat(options.blockIds()).containsExactly(BLOCK);
        assertThat(options.tools()).containsExactly("web_search", "fetch_webpage");
        assertThat(options.toolIds()).containsExactly(TOOL);
        assertThat(options.metadata()).containsExactly(Map.entry("team", "core"));
        assertThat(options.enableSleeptime()).isTrue();
        assertThat(options.contextWindowLimit()).hasValue(32000);
        assertThat(options).isEqualTo(AgentOptions.builder().blockIds(List.of(BLOCK))
                .tools(List.of("web_search", "fetch_webpage")).toolIds(List.of(TOOL)).metadata(Map.of("team", "core"))
                .enableSleeptime(true).contextWindowLimit(32000).build())
                .isNotEqualTo(AgentOptions.builder().build());
        assertThat(options.toString()).contains("blockIds=[" + BLOCK + "]", "contextWindowLimit=32000");
    }

    @Test
    void unsetFieldsAreEmpty() {
        AgentOptions options = AgentOptions.builder().build();
        assertThat(options.blockIds()).isEmpty();
        assertThat(options.tools()).isEmpty();
        assertThat(options.toolIds()).isEmpty();
        assertThat(options.metadata()).isEmpty();
        assertThat(options.enableSleeptime()).isFalse();
        assertThat(options.contextWindowLimit()).isEmpty();
    }

    @Test
    void metadataIsCopiedDeeplyAndImmutably() {
        List<Object> owners = new ArrayList<>(List.of("ana"));
        Map<String, Object> nested = new HashMap<>(Map.of("owners", owners));
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("team", nested);
        metadata.put("budget", 12.5);
        metadata.put("none", null);

        AgentOptions options = AgentOptions.builder().metadata(metadata).build();
        owners.add("bo");
        metadata.put("later", true);

        assertThat(options.metadata()).containsOnlyKeys("team", "budget", "none");
        @SuppressWarnings("unchecked")
        Map<String, Object> team = (Map<String, Object>) options.metadata().get("team");
        assertThat(team.get("owners")).isEqualTo(List.of("ana"));
        assertThatThrownBy(() -> options.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> team.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void metadataRefusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> AgentOptions.builder().metadata(Map.of("when", new Object())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.metadata.when")
                .hasMessageContaining("not a plain JSON value");
        assertThatThrownBy(() -> AgentOptions.builder().metadata(Map.of("list", List.of(1, Double.NaN))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.metadata.list[1]");
        assertThatThrownBy(() -> AgentOptions.builder().metadata(Map.of("m", Map.of(1, "x"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.metadata.m");
        assertThatThrownBy(() -> AgentOptions.builder().metadata(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.metadata");
    }

    @Test
    void badIdsNamesAndLimitsAreRefusedByField() {
        assertThatThrownBy(() -> AgentOptions.builder().blockId(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AgentOptions.blockIds");
        assertThatThrownBy(() -> AgentOptions.builder().blockIds(List.of(TOOL)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.blockIds")
                .hasMessageContaining("a block id");
        assertThatThrownBy(() -> AgentOptions.builder().toolIds(List.of(BLOCK)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.toolIds")
                .hasMessageContaining("a tool id");
        assertThatThrownBy(() -> AgentOptions.builder().toolId("tool/1")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AgentOptions.toolIds");
        assertThatThrownBy(() -> AgentOptions.builder().tool("")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AgentOptions.tools");
        assertThatThrownBy(() -> AgentOptions.builder().tools(null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AgentOptions.tools");
        assertThatThrownBy(() -> AgentOptions.builder().contextWindowLimit(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.contextWindowLimit");
        assertThatThrownBy(() -> AgentOptions.builder().contextWindowLimit(-5))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("AgentOptions.contextWindowLimit");
    }
}
