package ai.letta.code.api.model;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of model and/or reasoning effort, applied between turns ({@code Session.updateModel}): at least one of
 * the two is set.
 *
 * <pre>{@code
 * ModelUpdate.to("anthropic/claude-sonnet-4").withReasoningEffort(ReasoningEffort.HIGH)
 * ModelUpdate.reasoningEffortOnly(ReasoningEffort.LOW)
 * }</pre>
 */
public final class ModelUpdate {
    private final String modelHandle;
    private final ReasoningEffort reasoningEffort;

    /**
     * @param modelHandle the new model's handle, or {@code null} to keep the current one
     * @param reasoningEffort the new effort, or {@code null} to keep the current one
     * @throws ConfigurationException if both are {@code null} or the handle is blank
     */
    public ModelUpdate(String modelHandle, ReasoningEffort reasoningEffort) {
        if (modelHandle != null) {
            Checks.requireText(modelHandle, "ModelUpdate.modelHandle");
        }
        if (modelHandle == null && reasoningEffort == null) {
            throw new ConfigurationException(
                    "ModelUpdate needs a modelHandle, a reasoningEffort or both; use ModelUpdate.to(handle)");
        }
        this.modelHandle = modelHandle;
        this.reasoningEffort = reasoningEffort;
    }

    /**
     * @param modelHandle the model's handle, e.g. {@code anthropic/claude-sonnet-4}
     * @return an update to that model
     */
    public static ModelUpdate to(String modelHandle) {
        return new ModelUpdate(Checks.requireText(modelHandle, "ModelUpdate.modelHandle"), null);
    }

    /**
     * @param effort the reasoning effort to use
     * @return a copy that also sets the effort
     */
    public ModelUpdate withReasoningEffort(ReasoningEffort effort) {
        return new ModelUpdate(modelHandle, Checks.requireNonNull(effort, "ModelUpdate.reasoningEffort"));
    }

    /**
     * @param effort the reasoning effort
     * @return an update of the effort only, keeping the model
     */
    public static ModelUpdate reasoningEffortOnly(ReasoningEffort effort) {
        return new ModelUpdate(null, Checks.requireNonNull(effort, "ModelUpdate.reasoningEffort"));
    }

    /** @return the new model's handle, if the update changes it */
    public Optional<String> modelHandle() {
        return Optional.ofNullable(modelHandle);
    }

    /** @return the new effort, if the update changes it */
    public Optional<ReasoningEffort> reasoningEffort() {
        return Optional.ofNullable(reasoningEffort);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelUpdate u && Objects.equals(modelHandle, u.modelHandle)
                && Objects.equals(reasoningEffort, u.reasoningEffort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelHandle, reasoningEffort);
    }

    @Override
    public String toString() {
        return "ModelUpdate[modelHandle=" + modelHandle + ", reasoningEffort=" + reasoningEffort + "]";
    }
}
