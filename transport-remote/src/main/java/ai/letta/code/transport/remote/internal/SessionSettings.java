package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's model and reflection settings. Validates before sending, because the server accepts an unknown model
 * handle with {@code success:true}, and ignores an effort without a model or a bad trigger without replying
 * (spec §4.6, §4.7).
 */
final class SessionSettings {

    private final ServerConnection connection;
    private final RuntimeKey key;
    private volatile String currentModel;

    SessionSettings(ServerConnection connection, RuntimeKey key, String currentModel) {
        this.connection = connection;
        this.key = key;
        this.currentModel = currentModel;
    }

    /** @param model the model the server reported for the session, or {@code null} */
    void currentModel(String model) {
        this.currentModel = model;
    }

    /** @return the session's model handle, or {@code null} if unknown */
    String currentModel() {
        return currentModel;
    }

    /** @return the catalog, with the session's current model */
    ModelCatalog listModels() {
        return new ModelCatalog(catalog(connection), currentModel);
    }

    /**
     * @param connection the connection
     * @return the server's models ({@code list_models})
     */
    static List<ModelEntry> catalog(ServerConnection connection) {
        ServerFrame frame = connection.call(Commands.command("list_models",
                connection.correlator().nextRequestId("models")), "list_models_response");
        List<ModelEntry> entries = new ArrayList<>();
        frame.json().path("entries").forEach(entry -> {
            if (Json.text(entry, "handle") != null) {
                entries.add(DomainMapping.model(entry));
            }
        });
        for (String handle : Json.strings(frame.json(), "available_handles")) {
            if (entries.stream().noneMatch(e -> e.handle().equals(handle))) {
                entries.add(ModelEntry.builder(handle, handle).build());
            }
        }
        return entries;
    }

    /** @param update the model and/or effort; the model is always sent (an effort alone gets no reply) */
    void updateModel(ModelUpdate update) {
        String handle = update.modelHandle().orElse(currentModel);
        if (handle == null) {
            throw new ConfigurationException("ModelUpdate with only a reasoningEffort needs the session's current "
                    + "model, which the app server did not report; pass ModelUpdate.to(handle).withReasoningEffort(…)");
        }
        String effort = update.reasoningEffort().map(Commands::effort).orElse(null);
        List<ModelEntry> entries = catalog(connection);
        if (!entries.isEmpty() && entries.stream().noneMatch(e -> e.handle().equals(handle))) {
            throw new ConfigurationException("model \"" + handle + "\" is not offered by "
                    + connection.peer() + "; offered: " + entries.stream().map(ModelEntry::handle).toList());
        }
        Map<String, Object> command = Commands.scoped("update_model", connection.correlator().nextRequestId("um"),
                key);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("model_handle", handle);
        if (effort != null) {
            payload.put("reasoning_effort", effort);
        }
        command.put("payload", payload);
        ServerFrame frame = connection.call(command, "update_model_response");
        String applied = frame.string("model_handle");
        currentModel = applied != null ? applied : handle;
    }

    /** @param dreaming the reflection settings for this agent */
    void updateDreaming(Dreaming dreaming) {
        int current = 0;
        if (dreaming.stepCount() <= 0) {
            ServerFrame settings = connection.call(Commands.scoped("get_reflection_settings",
                    connection.correlator().nextRequestId("gr"), key), "get_reflection_settings_response");
            current = (int) Json.number(settings.json().path("reflection_settings"), "step_count", 25);
        }
        Map<String, Object> command = Commands.scoped("set_reflection_settings",
                connection.correlator().nextRequestId("sr"), key);
        command.put("settings", Commands.reflection(dreaming, current));
        connection.call(command, "set_reflection_settings_response");
    }
}
