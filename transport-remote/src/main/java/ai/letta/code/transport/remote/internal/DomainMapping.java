package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The edge where the server's JSON (Letta REST shapes passed through) becomes sdk-api values. */
final class DomainMapping {

    private DomainMapping() {
    }

    static ToolPermissionRequest permissionRequest(String requestId, WireControlRequest wire, FrameCodec codec) {
        List<String> suggestions = new ArrayList<>();
        if (wire.permissionSuggestions() != null) {
            wire.permissionSuggestions().stream().filter(s -> s != null && s.text() != null)
                    .forEach(s -> suggestions.add(s.text()));
        }
        Map<String, Object> input = codec.toMap(wire.input());
        return ToolPermissionRequest.of(requestId, wire.toolCallId(), wire.toolName(), input, suggestions,
                wire.blockedPath());
    }

    /**
     * @param agent a Letta {@code AgentState}
     * @param blocks the blocks, when known separately (the app server's agent has none)
     * @return the agent
     */
    static AgentInfo agent(JsonNode agent, List<MemoryBlock> blocks) {
        List<MemoryBlock> all = blocks.isEmpty() ? blocks(agent) : blocks;
        String model = Json.text(agent, "model");
        if (model == null || !model.contains("/")) {
            JsonNode llm = agent.path("llm_config");
            String endpoint = Json.text(llm, "model_endpoint_type");
            String name = Json.text(llm, "model");
            model = model != null ? model : name == null ? null : endpoint == null ? name : endpoint + "/" + name;
        }
        return new AgentInfo(Json.text(agent, "id"), Json.text(agent, "name"), Json.text(agent, "description"), model,
                Json.text(agent, "system"), Json.strings(agent, "tags"), all, instant(Json.text(agent, "created_at")));
    }

    /**
     * @param agent a Letta {@code AgentState}
     * @return its core memory blocks ({@code memory.blocks}, or {@code blocks}), as the Letta server keeps them
     */
    static List<MemoryBlock> blocks(JsonNode agent) {
        JsonNode memory = agent.path("memory").path("blocks");
        JsonNode listed = memory.isArray() ? memory : agent.path("blocks");
        List<MemoryBlock> blocks = new ArrayList<>();
        for (JsonNode block : listed) {
            String label = Json.text(block, "label");
            if (label != null) {
                blocks.add(new MemoryBlock(label, nonNull(Json.text(block, "value")), Json.text(block, "description"),
                        (int) Json.number(block, "limit", 0), block.path("read_only").asBoolean(false),
                        Json.text(block, "id")));
            }
        }
        return blocks;
    }

    /**
     * @param conversation a Letta {@code Conversation}
     * @param resolvedId the id to hand out (the agent id for the {@code default} alias)
     * @return the conversation
     */
    static ConversationInfo conversation(JsonNode conversation, String resolvedId) {
        return new ConversationInfo(resolvedId, Json.text(conversation, "agent_id"),
                Json.text(conversation, "summary"), instant(Json.text(conversation, "created_at")));
    }

    static MessageRecord message(JsonNode message) {
        String type = Json.text(message, "message_type");
        String text;
        if (type != null && (type.equals("tool_call_message") || type.equals("approval_request_message"))) {
            text = Json.text(message.path("tool_call"), "arguments");
        } else if (type != null && type.equals("tool_return_message")) {
            text = Json.text(message, "tool_return");
        } else if (type != null && type.equals("reasoning_message")) {
            text = Json.text(message, "reasoning");
        } else {
            text = message.has("content") ? Json.content(message.get("content")) : null;
        }
        return new MessageRecord(Json.text(message, "id"), type, text, instant(Json.text(message, "date")),
                Json.text(message, "run_id"));
    }

    static ModelEntry model(JsonNode entry) {
        JsonNode args = entry.path("updateArgs");
        String handle = Json.text(entry, "handle");
        String provider = Json.text(args, "provider_type");
        if (provider == null && handle != null && handle.contains("/")) {
            provider = handle.substring(0, handle.indexOf('/'));
        }
        List<ReasoningEffort> efforts = new ArrayList<>();
        for (String effort : Json.strings(entry, "reasoning_efforts")) {
            efforts.add(ReasoningEffort.of(effort));
        }
        String effort = Json.text(args, "reasoning_effort");
        if (efforts.isEmpty() && effort != null && !effort.isBlank()) {
            efforts.add(ReasoningEffort.of(effort));
        }
        String id = Json.text(entry, "id");
        return ModelEntry.builder(id != null ? id : handle, handle).displayName(Json.text(entry, "label"))
                .provider(provider).contextWindow((int) Json.number(args, "context_window", 0))
                .reasoningEfforts(efforts).build();
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
