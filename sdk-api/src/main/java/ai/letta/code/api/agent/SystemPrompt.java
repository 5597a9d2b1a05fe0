package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;

/** The agent's system prompt: one of the peer's presets, or custom text. */
public sealed interface SystemPrompt {

    /**
     * @param name a preset name, as the TypeScript SDK has them: {@code default}, {@code letta-claude},
     *     {@code letta-codex}, {@code letta-gemini}, {@code claude}, {@code codex}, {@code gemini} (the peer may accept
     *     others, and rejects a name it does not know with a {@link ConfigurationException} listing those it does)
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
        /**
         * Validates the name.
         *
         * @param name the preset's name
         */
        public Preset {
            Checks.requireText(name, "SystemPrompt.preset");
            name = name.strip();
        }
    }

    /**
     * Custom text.
     *
     * @param text the prompt
     */
    record Custom(String text) implements SystemPrompt {
        /**
         * Validates the text.
         *
         * @param text the prompt
         */
        public Custom {
            Checks.requireText(text, "SystemPrompt.custom");
        }

        @Override
        public String toString() {
            return "Custom[" + text.length() + " chars]";
        }
    }
}
