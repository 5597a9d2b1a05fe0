package ai.letta.code.transport.cloud.rest;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Letta API's JSON shapes this package reads, as far as it reads them (unknown fields are ignored). Only
 * {@link WireMapping} looks inside; the JSON trees of free-form fields (message content) end there.
 */
final class Wire {

    private Wire() {
    }

    /**
     * {@code AgentState}: blocks under {@code memory.blocks} (older servers) or {@code blocks}; the group it
     * manages under {@code managed_group} (or the deprecated {@code multi_agent_group}); the fields it does not
     * name, {@code llm_config} among them, stay in {@code extras}.
     */
    record Agent(String id, String name, String description, String model, String system, List<String> tags,
            Memory memory, List<Block> blocks, @JsonProperty("created_at") String createdAt,
            Map<String, Object> metadata, @JsonProperty("enable_sleeptime") Boolean enableSleeptime,
            @JsonProperty("managed_group") GroupWire managedGroup,
            @JsonProperty("multi_agent_group") GroupWire multiAgentGroup,
            @JsonAnySetter Map<String, Object> extras) {

        /** @return the group it manages, from either field, if any */
        GroupWire managed() {
            return managedGroup != null ? managedGroup : multiAgentGroup;
        }
    }

    /** {@code ImportedAgentsResponse}. */
    record ImportedAgents(@JsonProperty("agent_ids") List<String> agentIds) {
    }

    /** {@code ContextWindowOverview}: the counts this SDK models; the rest stays in {@code extras}. */
    record ContextOverview(@JsonProperty("context_window_size_max") Integer sizeMax,
            @JsonProperty("context_window_size_current") Integer sizeCurrent,
            @JsonProperty("num_messages") Integer messages,
            @JsonProperty("num_archival_memory") Integer archivalMemory,
            @JsonProperty("num_recall_memory") Integer recallMemory,
            @JsonProperty("num_tokens_system") Integer systemTokens,
            @JsonProperty("num_tokens_core_memory") Integer coreMemoryTokens,
            @JsonProperty("num_tokens_functions_definitions") Integer toolTokens,
            @JsonProperty("num_tokens_messages") Integer messageTokens,
            @JsonProperty("num_tokens_summary_memory") Integer summaryTokens,
            @JsonProperty("num_tokens_external_memory_summary") Integer externalMemorySummaryTokens,
            @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code AgentState.memory}. */
    record Memory(List<Block> blocks) {
    }

    /** {@code BlockResponse}. */
    record Block(String id, String label, String value, String description, Integer limit,
            @JsonProperty("read_only") Boolean readOnly) {
    }

    /** {@code Conversation}; the fields it does not name stay in {@code extras}. */
    record Conversation(String id, @JsonProperty("agent_id") String agentId, String summary,
            @JsonProperty("created_at") String createdAt, String model,
            @JsonProperty("last_message_at") String lastMessageAt, @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code CompactionResponse}. */
    record Compaction(String summary, @JsonProperty("num_messages_before") Integer messagesBefore,
            @JsonProperty("num_messages_after") Integer messagesAfter, @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code Model} of {@code GET /v1/models/}; the fields it does not name stay in {@code extras}. */
    record Model(String handle, String name, @JsonProperty("display_name") String displayName,
            @JsonProperty("provider_type") String providerType, @JsonProperty("context_window") Integer contextWindow,
            @JsonProperty("reasoning_capabilities") ReasoningCapabilities reasoningCapabilities,
            @JsonProperty("reasoning_levels") List<String> reasoningLevels,
            @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code EmbeddingModel} of {@code GET /v1/models/embedding}; the fields it does not name stay in {@code extras}. */
    record EmbeddingModel(String handle, String name, @JsonProperty("display_name") String displayName,
            @JsonProperty("provider_type") String providerType, @JsonProperty("provider_name") String providerName,
            @JsonProperty("embedding_dim") Integer dimensions, @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code reasoning_capabilities} of newer servers. */
    record ReasoningCapabilities(@JsonProperty("supported_efforts") List<String> supportedEfforts) {
    }

    /** A page of {@code GET /v1/environments}. */
    record EnvironmentPage(List<Environment> connections, Boolean hasNextPage) {
    }

    /**
     * An environment (a registered machine or sandbox); {@code connectionId} is null while it is offline. The
     * times are epoch milliseconds in the OpenAPI document; an ISO-8601 text is read too.
     */
    record Environment(String id, String connectionId, String deviceId, String connectionName,
            String organizationId, String currentMode, Object connectedAt, Object lastSeenAt) {
    }

    /** The answer of {@code POST /v1/agents/{id}/sandboxes}. */
    record Sandbox(String sandboxId, String deviceId, String connectionName, String conversationId,
            Boolean resumed) {
    }

    /** The answer of a sandbox refresh. */
    record SandboxRefresh(Boolean success, String sandboxId, Integer ttlMinutes) {
    }
}
