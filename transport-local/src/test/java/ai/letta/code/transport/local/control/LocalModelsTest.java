package ai.letta.code.transport.local.control;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ReasoningEffort;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LocalModelsTest {

    @Test
    void eachReasoningTierIsItsOwnEntryByIdAndAnUnknownWindowIsEmpty() {
        List<ModelEntry> entries = LocalModels.entries(JsonMapper.builder().build().readTree("""
                [{"id":"gpt-5-low","handle":"openai/gpt-5","label":"GPT-5","context_window_limit":272000,
                  "reasoning_levels":["low"]},
                 {"id":"gpt-5-high","handle":"openai/gpt-5","label":"GPT-5","context_window_limit":272000,
                  "reasoning_levels":["high"]},
                 {"handle":"lmstudio/fake-model"}]
                """));

        assertThat(entries).extracting(ModelEntry::id)
                .containsExactly("gpt-5-low", "gpt-5-high", "lmstudio/fake-model");
        assertThat(entries.get(0)).isNotEqualTo(entries.get(1));
        assertThat(entries.get(1).reasoningEfforts()).containsExactly(ReasoningEffort.HIGH);
        assertThat(entries.get(0).contextWindow()).isEqualTo(OptionalInt.of(272000));
        assertThat(entries.get(2).contextWindow()).isEmpty();
        assertThat(entries.get(2).displayName()).isEqualTo("lmstudio/fake-model");
    }
}
