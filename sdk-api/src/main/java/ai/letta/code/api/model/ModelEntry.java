package ai.letta.code.api.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * A model the backend can run.
 *
 * @param handle the handle to pass to {@link ModelUpdate}, e.g. {@code anthropic/claude-sonnet-4}
 * @param displayName a human-readable name
 * @param provider the provider, e.g. {@code anthropic}, or {@code null}
 * @param contextWindow the context window in tokens, or 0 if unknown
 * @param reasoningEfforts the reasoning levels the model accepts (may be empty)
 */
public record ModelEntry(
        String handle, String displayName, String provider, int contextWindow, List<ReasoningEffort> reasoningEfforts) {
    /** Fills defaults. */
    public ModelEntry {
        displayName = displayName == null ? handle : displayName;
        reasoningEfforts = reasoningEfforts == null ? List.of() : List.copyOf(reasoningEfforts);
    }

    /** @return the context window, if known */
    public OptionalInt contextWindowTokens() {
        return contextWindow > 0 ? OptionalInt.of(contextWindow) : OptionalInt.empty();
    }
}
