package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.spi.WireNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the command frames, validating each field the server would otherwise reject without a reply (spec §5):
 * a user's mistake becomes a {@link ConfigurationException} naming the field, not a request timeout.
 */
final class Commands {

    /** The efforts {@code update_model} accepts (CLI 0.32.18 {@code isUpdateModelCommand}). */
    static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

    private Commands() {
    }

    static Map<String, Object> runtime(RuntimeKey key) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("agent_id", key.agentId());
        runtime.put("conversation_id", key.conversationId());
        return runtime;
    }

    static Map<String, Object> command(String type, String requestId) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", type);
        if (requestId != null) {
            command.put("request_id", requestId);
        }
        return command;
    }

    static Map<String, Object> scoped(String type, String requestId, RuntimeKey key) {
        Map<String, Object> command = command(type, requestId);
        command.put("runtime", runtime(key));
        return command;
    }

    /** A Letta {@code MessageCreate}: plain text as a string, mixed content as parts. */
    static Map<String, Object> userMessage(String clientMessageId, UserMessage message) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("role", "user");
        if (message.content().size() == 1 && message.content().get(0) instanceof ContentPart.Text text) {
            wire.put("content", text.text());
        } else {
            List<Map<String, Object>> parts = new ArrayList<>();
            for (ContentPart part : message.content()) {
                if (part instanceof ContentPart.Text text) {
                    parts.add(Map.of("type", "text", "text", text.text()));
                } else if (part instanceof ContentPart.Image image) {
                    parts.add(Map.of("type", "image", "source", Map.of("type", "base64",
                            "media_type", image.mediaType(), "data", image.base64())));
                }
            }
            wire.put("content", parts);
        }
        wire.put("client_message_id", clientMessageId);
        return wire;
    }

    static Map<String, Object> decision(PermissionDecision decision) {
        Map<String, Object> wire = new LinkedHashMap<>();
        if (decision instanceof PermissionDecision.Allow allow) {
            wire.put("behavior", "allow");
            allow.updatedInput().ifPresent(input -> wire.put("updated_input", input));
        } else if (decision instanceof PermissionDecision.Deny deny) {
            wire.put("behavior", "deny");
            wire.put("message", deny.message());
        }
        return wire;
    }

    static String effort(ReasoningEffort effort) {
        if (!EFFORTS.contains(effort.value())) {
            throw new ConfigurationException("reasoningEffort \"" + effort.value() + "\" is not accepted by the app"
                    + " server (it would ignore the update without a reply); use one of " + EFFORTS);
        }
        return effort.value();
    }

    /**
     * @param dreaming the settings
     * @param currentStepCount the server's current step count, kept when the trigger needs none
     * @return the {@code settings} object; {@code step_count} is always a positive integer, as the server demands
     */
    static Map<String, Object> reflection(Dreaming dreaming, int currentStepCount) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trigger", WireNames.dreamingTrigger(dreaming.trigger()));
        int steps = dreaming.stepCount() > 0 ? dreaming.stepCount() : Math.max(1, currentStepCount);
        settings.put("step_count", steps);
        return settings;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
