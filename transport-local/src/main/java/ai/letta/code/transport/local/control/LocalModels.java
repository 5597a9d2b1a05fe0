package ai.letta.code.transport.local.control;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.spi.Unsupported;
import ai.letta.code.transport.local.process.CliArguments;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The model catalog and model switch of the local backend, through {@code letta model list} and
 * {@code letta model set [<handle>] [--reasoning <level>] --conversation <id>} (local-stdio.md §3.4): stdio has no
 * control request for either, and CLI 0.32.18 has no spawn flag for the reasoning level ({@code -m} applies a model
 * to the agent). The switch is the session's: it is written on its conversation, as the app server's
 * {@code update_model} does; only an agent's default conversation, which has no settings of its own, writes the
 * agent. A running stdio process picks it up on its next turn. The CLI validates the level against the model's
 * {@code reasoning_levels}; a refusal is a {@link ConfigurationException} naming the levels the model offers.
 */
public final class LocalModels implements Models {

    /** CLI 0.32.18's refusal of a level ({@code resolveSelection}); "none advertised" when the model has none. */
    private static final Pattern UNSUPPORTED_LEVEL = Pattern.compile(
            "Unsupported reasoning level '([^']*)' for (\\S+?)\\. Supported: (.*)$");

    private final Supplier<CliSubcommand> cli;

    /** @param cli the subcommand runner, resolved lazily (finding the CLI is deferred to first use) */
    LocalModels(Supplier<CliSubcommand> cli) {
        this.cli = cli;
    }

    /**
     * @param launch how to launch the CLI, resolved on first use
     * @param timeout the bound of each subcommand
     * @return the models through the CLI's {@code letta model} subcommands
     */
    public static LocalModels of(Supplier<LaunchSpec> launch, Duration timeout) {
        return new LocalModels(() -> new CliSubcommand(launch.get(), timeout));
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
    public ModelCatalog listFor(String knownHandle, String initModel) {
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
     * @param agentId the session's agent, used only without a conversation
     * @param conversationId the session's conversation, or null for the agent's default conversation
     * @param update the change
     * @return the model handle now in effect, or null if the CLI did not say
     * @throws ConfigurationException if the model is unknown or does not offer the effort (naming those it offers)
     */
    public String update(String agentId, String conversationId, ModelUpdate update) {
        List<String> args = new ArrayList<>(List.of("model", "set"));
        update.modelHandle().ifPresent(h -> args.add(CliArguments.value(h, "model")));
        update.reasoningEffort().ifPresent(e -> args.addAll(List.of("--reasoning", e.value())));
        args.addAll(conversationId != null
                ? List.of("--conversation", CliArguments.value(conversationId, "conversation id"))
                : List.of("--agent", CliArguments.value(agentId, "agent id")));
        JsonNode out;
        try {
            out = cli.get().run(args);
        } catch (ConfigurationException e) {
            Matcher refused = UNSUPPORTED_LEVEL.matcher(e.getMessage());
            if (!refused.find()) {
                throw e;
            }
            String offered = refused.group(3).strip();
            throw new ConfigurationException("reasoningEffort \"" + refused.group(1) + "\" is not offered by the model "
                    + refused.group(2) + " on the local backend; "
                    + (offered.isEmpty() || offered.equals("none advertised")
                            ? "it advertises no reasoning efforts: leave reasoningEffort unset"
                            : "it offers " + offered + ": choose one of those, or leave reasoningEffort unset")
                    + " (listModels() shows each model's efforts)", e);
        }
        String model = NdjsonCodec.text(out.path("effective"), "model");
        return model != null ? model : update.modelHandle().orElse(null);
    }

    @Override
    public List<EmbeddingModel> embeddingModels() {
        throw Unsupported.feature("models().embeddingModels", BackendKind.LOCAL);
    }
}
