package ai.letta.code.api.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent's context window holds now ({@code ContextWindowOverview} of
 * {@code GET /v1/agents/{agent_id}/context}): its size and how many tokens each part takes. {@link #extras()} keeps
 * the rest of the overview (the rendered system prompt, core memory and summaries, the tool definitions and
 * in-context messages) as plain Java values.
 *
 * @param maxTokens the most tokens the window holds ({@code context_window_size_max})
 * @param currentTokens the tokens it holds now ({@code context_window_size_current})
 * @param messages the messages in context ({@code num_messages})
 * @param archivalMemory the passages in archival memory ({@code num_archival_memory})
 * @param recallMemory the messages in recall memory ({@code num_recall_memory})
 * @param systemTokens the system prompt's tokens ({@code num_tokens_system})
 * @param coreMemoryTokens the core memory blocks' tokens ({@code num_tokens_core_memory})
 * @param toolTokens the tool definitions' tokens ({@code num_tokens_functions_definitions})
 * @param messageTokens the in-context messages' tokens ({@code num_tokens_messages})
 * @param summaryTokens the conversation summary's tokens ({@code num_tokens_summary_memory})
 * @param externalMemorySummaryTokens the external memory summary's tokens
 *     ({@code num_tokens_external_memory_summary})
 * @param extras the overview's other fields ({@code null} for none; copied)
 */
public record ContextWindow(int maxTokens, int currentTokens, int messages, int archivalMemory, int recallMemory,
        int systemTokens, int coreMemoryTokens, int toolTokens, int messageTokens, int summaryTokens,
        int externalMemorySummaryTokens, Map<String, Object> extras) {

    /**
     * Copies {@code extras}.
     *
     * @param maxTokens the most tokens the window holds ({@code context_window_size_max})
     * @param currentTokens the tokens it holds now ({@code context_window_size_current})
     * @param messages the messages in context ({@code num_messages})
     * @param archivalMemory the passages in archival memory ({@code num_archival_memory})
     * @param recallMemory the messages in recall memory ({@code num_recall_memory})
     * @param systemTokens the system prompt's tokens ({@code num_tokens_system})
     * @param coreMemoryTokens the core memory blocks' tokens ({@code num_tokens_core_memory})
     * @param toolTokens the tool definitions' tokens ({@code num_tokens_functions_definitions})
     * @param messageTokens the in-context messages' tokens ({@code num_tokens_messages})
     * @param summaryTokens the conversation summary's tokens ({@code num_tokens_summary_memory})
     * @param externalMemorySummaryTokens the external memory summary's tokens
     *     ({@code num_tokens_external_memory_summary})
     * @param extras the overview's other fields ({@code null} for none; copied)
     */
    public ContextWindow {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the tokens still free ({@code maxTokens - currentTokens}, never below zero) */
    public int freeTokens() {
        return Math.max(0, maxTokens - currentTokens);
    }
}
