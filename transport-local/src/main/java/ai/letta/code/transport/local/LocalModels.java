package ai.letta.code.transport.local;

import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The model catalog and model switch of the local backend, through {@code letta model list} and
 * {@code letta model set <handle> [--reasoning <level>] --agent <id>} (local-stdio.md §3.4): stdio has no control
 * request for either. A running stdio process picks the new model up on its next turn. The reasoning level is
 * validated by the CLI against the model's {@code reasoning_levels}; its refusal surfaces as a
 * {@link ai.letta.code.api.exception.ConfigurationException} quoting the CLI.
 */
final class LocalModels implements Models {

    private final Supplier<CliSubcommand> cli;

    /** @param cli the subcommand runner, resolved lazily (finding the CLI is deferred to first use) */
    LocalModels(Supplier<CliSubcommand> cli) {
        this.cli = cli;
    }

    @Override
    public ModelCatalog list() {
        return new ModelCatalog(entries(cli.get().run(List.of("model", "list"))), null);
    }

    /**
     * @param out what {@code letta model list} printed: an array, or an object holding one
     * @return its entries, one per id (a model with several reasoning tiers has several)
     */
    static List<ModelEntry> entries(JsonNode out) {
        JsonNode items = out.isArray() ? out : out.path("models").isArray() ? out.path("models")
                : out.path("entries").isArray() ? out.path("entries") : out.path("items");
        List<ModelEntry> entries = new ArrayList<>();
        for (JsonNode item : items.values()) {
            String handle = NdjsonCodec.text(item, "handle");
            if (handle == null) {
                continue;
            }
            List<ReasoningEffort> efforts = new ArrayList<>();
            item.path("reasoning_levels").values().forEach(v -> {
                if (v.isString() && !v.stringValue().isBlank()) {
                    efforts.add(ReasoningEffort.of(v.stringValue()));
                }
            });
            int slash = handle.indexOf('/');
            String id = NdjsonCodec.text(item, "id");
            entries.add(ModelEntry.builder(id != null ? id : handle, handle)
                    .displayName(NdjsonCodec.text(item, "label"))
                    .provider(slash > 0 ? handle.substring(0, slash) : null)
                    .contextWindow(item.path("context_window_limit").asInt(item.path("context_window").asInt(0)))
                    .reasoningEfforts(efforts).build());
        }
        return entries;
    }

    /**
     * @param knownHandle the handle the session last set (by {@code -m} or {@link #update}), or null
     * @param initModel the bare model id the CLI's {@code system/init} reported, or null
     * @return the catalog, with the session's current model as its handle
     */
    ModelCatalog listFor(String knownHandle, String initModel) {
        ModelCatalog catalog = list();
        if (knownHandle != null || initModel == null) {
            return new ModelCatalog(catalog.entries(), knownHandle);
        }
        // system/init reports the bare id ("fake-model"); the catalog knows its handle.
        return new ModelCatalog(catalog.entries(), catalog.entries().stream()
                .filter(e -> e.handle().equals(initModel) || e.handle().endsWith("/" + initModel))
                .map(ModelEntry::handle).findFirst().orElse(initModel));
    }

    /**
     * @param agentId the session's agent
     * @param update the change
     * @return the model handle now in effect, or null if the CLI did not say
     */
    String update(String agentId, ModelUpdate update) {
        List<String> args = new ArrayList<>(List.of("model", "set"));
        update.modelHandle().ifPresent(args::add);
        update.reasoningEffort().ifPresent(e -> args.addAll(List.of("--reasoning", e.value())));
        args.addAll(List.of("--agent", agentId));
        JsonNode out = cli.get().run(args);
        String model = NdjsonCodec.text(out.path("agent"), "model");
        return model != null ? model : update.modelHandle().orElse(null);
    }
}
