package ai.letta.code.spi;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.agent.SystemPrompt;
import java.util.List;

/** The names the Letta Code peers (the CLI, the app server) and the TypeScript SDK use for some user values. */
public final class WireNames {

    /**
     * The {@link SystemPrompt#preset preset} names of the TypeScript SDK. A transport maps each to what its peer
     * accepts, or rejects it with a {@code ConfigurationException} that lists the accepted names.
     */
    public static final List<String> SDK_PRESETS = List.of("default", "letta-claude", "letta-codex", "letta-gemini",
            "claude", "codex", "gemini");

    private WireNames() {}

    /**
     * @param trigger what starts a reflection
     * @return its name for the CLI's {@code --reflection-trigger} and the app server's reflection settings
     */
    public static String dreamingTrigger(Dreaming.Trigger trigger) {
        return switch (trigger) {
            case OFF -> "off";
            case STEP_COUNT -> "step-count";
            case COMPACTION_EVENT -> "compaction-event";
        };
    }
}
