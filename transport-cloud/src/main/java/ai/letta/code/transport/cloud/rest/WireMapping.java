package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ReasoningEffort;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The edge where Letta's wire records become sdk-api values and this package's records. */
final class WireMapping {

    /** The fields a {@link MessageRecord} has accessors for; a message's others stay in its extras. */
    private static final Set<String> MESSAGE_FIELDS = Set.of("id", "message_type", "date", "run_id");

    private WireMapping() {
    }

    static AgentInfo agent(Wire.Agent agent) {
        Map<String, Object> extras = agent.extras() == null ? Map.of() : agent.extras();
        String model = agent.model();
        if ((model == null || !model.contains("/")) && extras.get("llm_config") instanceof Map<?, ?> llm) {
            // Servers that leave model empty name it in llm_config.
            String name = llm.get("model") instanceof String text ? text : null;
            String endpoint = llm.get("model_endpoint_type") instanceof String text ? text : null;
            model = model != null ? model : name == null ? null : endpoint == null ? name : endpoint + "/" + name;
        }
        List<Wire.Block> wire = agent.memory() != null && agent.memory().blocks() != null ? agent.memory().blocks()
                : agent.blocks();
        return new AgentInfo(agent.id(), agent.name(), agent.description(), model, agent.system(),
                agent.tags() == null ? List.of() : agent.tags().stream().filter(t -> t != null).toList(),
                blocks(wire), instant(agent.createdAt()), agent.metadata(), agent.enableSleeptime(), extras);
    }

    static ContextWindow contextWindow(Wire.ContextOverview overview) {
        return new ContextWindow(count(overview.sizeMax()), count(overview.sizeCurrent()),
                count(overview.messages()), count(overview.archivalMemory()), count(overview.recallMemory()),
                count(overview.systemTokens()), count(overview.coreMemoryTokens()), count(overview.toolTokens()),
                count(overview.messageTokens()), count(overview.summaryTokens()),
                count(overview.externalMemorySummaryTokens()), overview.extras());
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }

    static List<MemoryBlock> blocks(List<Wire.Block> wire) {
        List<MemoryBlock> blocks = new ArrayList<>();
        if (wire != null) {
            for (Wire.Block block : wire) {
                if (block != null && block.label() != null && !block.label().isBlank()) {
                    blocks.add(block(block));
                }
            }
        }
        return blocks;
    }

    static MemoryBlock block(Wire.Block block) {
        return new MemoryBlock(block.label(), block.value() == null ? "" : block.value(), block.description(),
                block.limit() == null || block.limit() < 0 ? 0 : block.limit(), Boolean.TRUE.equals(block.readOnly()),
                block.id());
    }

    /**
     * @param conversation a Letta {@code Conversation}
     * @param fallbackAgentId the agent it was asked for, when the server leaves {@code agent_id} out
     * @return the conversation
     */
    static ConversationInfo conversation(Wire.Conversation conversation, String fallbackAgentId) {
        return new ConversationInfo(conversation.id(),
                conversation.agentId() == null ? fallbackAgentId : conversation.agentId(), conversation.summary(),
                instant(conversation.createdAt()), conversation.model(), instant(conversation.lastMessageAt()),
                conversation.extras());
    }

    /**
     * @param message a {@code LettaMessageUnion} member
     * @return the message, its fields other than {@link #MESSAGE_FIELDS} in its extras
     */
    static MessageRecord message(JsonNode message) {
        String type = string(message.path("message_type"));
        String text;
        if ("tool_call_message".equals(type) || "approval_request_message".equals(type)) {
            text = text(message.path("tool_call").path("arguments"));
        } else if ("tool_return_message".equals(type)) {
            text = text(message.path("tool_return"));
        } else if ("reasoning_message".equals(type)) {
            text = string(message.path("reasoning"));
        } else {
            text = content(message.path("content"));
        }
        return new MessageRecord(string(message.path("id")), type, text, instant(string(message.path("date"))),
                string(message.path("run_id")), MessageDecoding.extras(message, MESSAGE_FIELDS));
    }

    static ModelEntry model(Wire.Model model) {
        String handle = model.handle();
        String provider = model.providerType();
        if (provider == null && handle != null && handle.contains("/")) {
            provider = handle.substring(0, handle.indexOf('/'));
        }
        List<String> levels = model.reasoningCapabilities() != null
                && model.reasoningCapabilities().supportedEfforts() != null
                ? model.reasoningCapabilities().supportedEfforts() : model.reasoningLevels();
        List<ReasoningEffort> efforts = new ArrayList<>();
        if (levels != null) {
            levels.stream().filter(level -> level != null && !level.isBlank())
                    .forEach(level -> efforts.add(ReasoningEffort.of(level)));
        }
        String display = model.displayName() != null ? model.displayName() : model.name();
        // Letta's API has no model id: a model is its handle.
        return ModelEntry.builder(handle, handle).displayName(display).provider(provider)
                .contextWindow(model.contextWindow() == null ? 0 : model.contextWindow()).reasoningEfforts(efforts)
                .extras(model.extras()).build();
    }

    static CloudEnvironment environment(Wire.Environment environment) {
        return new CloudEnvironment(environment.id(), environment.connectionId(), environment.deviceId(),
                environment.connectionName(), environment.currentMode(), epochOrInstant(environment.lastSeenAt()));
    }

    /** A time as epoch milliseconds (a JSON number, as the control plane sends it) or ISO-8601 text; else null. */
    static Instant epochOrInstant(Object value) {
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return value instanceof String text ? instant(text) : null;
    }

    /**
     * Letta timestamps come with an offset, as {@code Z}, or (from older servers) without a zone, meaning UTC.
     *
     * @param text a timestamp, or {@code null}
     * @return the instant, or {@code null} when absent or unreadable
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** Letta message content: a string, or parts {@code [{type:"text", text}]}; either way its text. */
    private static String content(JsonNode content) {
        if (content.isNull() || content.isMissingNode()) {
            return null;
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder out = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode piece = part.isString() ? part : part.get("text");
                if (piece != null && piece.isString()) {
                    out.append(piece.stringValue());
                }
            }
        }
        return out.toString();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    /** @return the node's text when it is a JSON string, else {@code null} */
    private static String string(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
