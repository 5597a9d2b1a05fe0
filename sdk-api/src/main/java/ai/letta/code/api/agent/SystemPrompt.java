package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.List;

/** The agent's system prompt: one of the peer's presets, or custom text. */
public sealed interface SystemPrompt {

    /**
     * The preset names of the TypeScript SDK. A transport maps each to what its peer accepts, or rejects it with a
     * {@link ConfigurationException} that lists the accepted names.
     */
    List<String> SDK_PRESETS = List.of("default", "letta-claude", "letta-codex", "letta-gemini", "claude", "codex",
            "gemini");

    /**
     * @param name a preset name (see {@link #SDK_PRESETS}; the peer may accept others)
     * @return the preset
     */
    static Preset preset(String name) {
        return new Preset(name);
    }

    /**
     * @param text the whole system prompt; the peer appends memory blocks to it
     * @return the custom prompt
     */
    static Custom custom(String text) {
        return new Custom(text);
    }

    /**
     * A named preset.
     *
     * @param name the preset's name
     */
    record Preset(String name) implements SystemPrompt {
        /** Validates the name. */
        public Preset {
            ConfigurationException.requireText(name, "SystemPrompt.preset");
            name = name.strip();
        }
    }

    /**
     * Custom text.
     *
     * @param text the prompt
     */
    record Custom(String text) implements SystemPrompt {
        /** Validates the text. */
        public Custom {
            ConfigurationException.requireText(text, "SystemPrompt.custom");
        }

        @Override
        public String toString() {
            return "Custom[" + text.length() + " chars]";
        }
    }
}
