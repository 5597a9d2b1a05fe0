package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Letta {@code AgentCreateParams} body built from {@link AgentOptions}: what the app server's {@code agent_create}
 * passes through and what Letta Cloud's {@code POST /v1/agents} takes, before either adds its own fields. System
 * prompt presets ship with the Letta Code CLI only, so a preset is an {@link UnsupportedFeatureException} here.
 */
public final class LettaAgentBody {

    private LettaAgentBody() {
    }

    /**
     * @param options what the agent is made of
     * @param backend the backend building it, for the preset's error
     * @param presetHint what to do instead of a preset, ending the error's parenthesis
     * @return the body: name, description, model, embedding, custom system prompt, memory blocks (when any), tags
     *     (when any), context window limit (when set)
     */
    public static Map<String, Object> of(AgentOptions options, BackendKind backend, String presetHint) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", options.name());
        putIfSet(body, "description", options.description());
        putIfSet(body, "model", options.model());
        putIfSet(body, "embedding", options.embedding());
        SystemPrompt prompt = options.systemPrompt().orElse(null);
        if (prompt instanceof SystemPrompt.Custom custom) {
            body.put("system", custom.text());
        } else if (prompt instanceof SystemPrompt.Preset preset) {
            throw new UnsupportedFeatureException("AgentOptions.systemPrompt preset \"" + preset.name() + "\" ("
                    + presetHint + ")", backend, Set.of(BackendKind.LOCAL));
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (MemoryBlock block : options.allBlocks()) {
            blocks.add(block(block));
        }
        if (!blocks.isEmpty()) {
            body.put("memory_blocks", blocks);
        }
        if (!options.tags().isEmpty()) {
            body.put("tags", options.tags());
        }
        options.contextWindowLimit().ifPresent(limit -> body.put("context_window_limit", limit));
        return body;
    }

    private static Map<String, Object> block(MemoryBlock block) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("label", block.label());
        wire.put("value", block.value());
        putIfSet(wire, "description", block.description());
        block.limit().ifPresent(limit -> wire.put("limit", limit));
        if (block.readOnly()) {
            wire.put("read_only", true);
        }
        return wire;
    }

    private static void putIfSet(Map<String, Object> map, String key, Optional<String> value) {
        value.ifPresent(v -> map.put(key, v));
    }
}
