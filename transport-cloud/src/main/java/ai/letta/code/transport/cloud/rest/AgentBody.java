package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.transport.remote.internal.LettaAgentBody;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code POST /v1/agents} body of a Letta Code agent, built from {@link AgentOptions} (cloud.md §3, first
 * row; {@code letta-ai/letta-code:src/agent/create-agent-request.ts}). Kept from the upstream body: the agent
 * type, the tag {@code origin:letta-code}, the Letta Code toolset ({@code web_search} and {@code fetch_webpage};
 * the harness brings its client tools per request, so no base tools or base tool rules), no initial messages
 * and parallel tool calls. Left out: {@code git-memory-enabled} (memfs needs the harness to set up the memory
 * repository, and the blocks here are created as plain core-memory blocks that {@code Blocks} reads and
 * writes), {@code compaction_settings} and the default model (without a {@code model} the server picks its own,
 * as {@code system: null} lets it pick the prompt). The Letta-API-only options go as the document names them:
 * {@code block_ids}, {@code tool_ids}, {@code metadata}, {@code enable_sleeptime}, {@code context_window_limit},
 * and the tool names after the Letta Code toolset in {@code tools}.
 */
final class AgentBody {

    /** The tag every Letta Code agent carries. */
    static final String ORIGIN_TAG = "origin:letta-code";

    private AgentBody() {
    }

    /**
     * @param options what the agent is made of
     * @return the request body
     * @throws UnsupportedFeatureException for a system-prompt preset: only the local backend's CLI has them
     */
    static Map<String, Object> of(AgentOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_type", "letta_v1_agent");
        body.putAll(LettaAgentBody.of(options, BackendKind.CLOUD,
                "the presets ship with the Letta Code CLI; use SystemPrompt.custom(text) on Letta Cloud"));
        body.putIfAbsent("memory_blocks", List.of());
        Set<String> tags = new LinkedHashSet<>(options.tags());
        tags.add(ORIGIN_TAG);
        body.put("tags", List.copyOf(tags));
        Set<String> tools = new LinkedHashSet<>(List.of("web_search", "fetch_webpage"));
        tools.addAll(options.tools());
        body.put("tools", List.copyOf(tools));
        if (!options.toolIds().isEmpty()) {
            body.put("tool_ids", options.toolIds());
        }
        if (!options.blockIds().isEmpty()) {
            body.put("block_ids", options.blockIds());
        }
        if (!options.metadata().isEmpty()) {
            body.put("metadata", options.metadata());
        }
        if (options.enableSleeptime()) {
            body.put("enable_sleeptime", true);
        }
        body.put("include_base_tools", false);
        body.put("include_base_tool_rules", false);
        body.put("initial_message_sequence", List.of());
        body.put("parallel_tool_calls", true);
        return body;
    }
}
