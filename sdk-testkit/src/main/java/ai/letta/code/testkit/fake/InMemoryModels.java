package ai.letta.code.testkit.fake;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.spi.Unsupported;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.model.Models;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fake's model catalog: {@code fake/model-a} (the default; efforts none to high) and {@code fake/model-b}
 * (efforts low to xhigh). Unlike the app server, which accepts any handle, the fake validates every handle and
 * effort, so the SDK's typed errors can be tested. Immutable and thread-safe.
 */
final class InMemoryModels implements Models {

    /** The model agents get when their options name none. */
    static final String DEFAULT_MODEL = "fake/model-a";
    /** The other model, for model-switch scenarios. */
    static final String ALTERNATE_MODEL = "fake/model-b";

    private static final List<ModelEntry> ENTRIES = List.of(
            ModelEntry.builder("model-a", DEFAULT_MODEL).displayName("Fake Model A").provider("fake")
                    .contextWindow(128_000).reasoningEfforts(List.of(ReasoningEffort.NONE, ReasoningEffort.LOW,
                            ReasoningEffort.MEDIUM, ReasoningEffort.HIGH)).build(),
            ModelEntry.builder("model-b", ALTERNATE_MODEL).displayName("Fake Model B").provider("fake")
                    .contextWindow(200_000).reasoningEfforts(List.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM,
                            ReasoningEffort.HIGH, ReasoningEffort.XHIGH)).build());

    @Override
    public ModelCatalog list() {
        return new ModelCatalog(ENTRIES, null);
    }

    /**
     * @param current the session's current handle
     * @return the catalog with the current handle
     */
    ModelCatalog list(String current) {
        return new ModelCatalog(ENTRIES, current);
    }

    /**
     * @param handle a model handle
     * @param field the option it came from, for the message
     * @return the handle
     * @throws ConfigurationException if the catalog does not offer it
     */
    String requireOffered(String handle, String field) {
        if (ENTRIES.stream().noneMatch(e -> e.handle().equals(handle))) {
            throw new ConfigurationException(field + " \"" + handle + "\" is not offered by this backend; offered: "
                    + ENTRIES.stream().map(ModelEntry::handle).collect(Collectors.joining(", "))
                    + " (see listModels())");
        }
        return handle;
    }

    /**
     * Checks an update against the catalog.
     *
     * @param update the update
     * @param currentModel the session's model, for an effort-only update
     * @throws ConfigurationException if the model or the effort is not offered
     */
    void validate(ModelUpdate update, String currentModel) {
        String model = update.modelHandle().map(h -> requireOffered(h, "ModelUpdate.modelHandle")).orElse(currentModel);
        update.reasoningEffort().ifPresent(effort -> {
            ModelEntry entry = list().find(model).orElseThrow();
            if (!entry.reasoningEfforts().contains(effort)) {
                throw new ConfigurationException("ModelUpdate.reasoningEffort \"" + effort + "\" is not offered by "
                        + model + "; it accepts " + entry.reasoningEfforts());
            }
        });
    }

    @Override
    public List<EmbeddingModel> embeddingModels() {
        throw Unsupported.feature("models().embeddingModels", BackendKind.REMOTE);
    }
}
