package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.List;
import java.util.Map;

/**
 * An agent's core-memory blocks over the Letta REST API ({@code /v1/agents/{id}/core-memory/blocks[/{label}]};
 * cloud.md §2.7). A label is checked before anything is sent: no {@code /}, no {@code ..}, not blank, no control
 * characters, so it always names one block and never another path. Caveat: for an agent with git-backed memory
 * (tag {@code git-memory-enabled}) the harness's memory sync may overwrite a block written here. Thread-safe.
 */
public final class RestBlocks implements Blocks {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestBlocks(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public List<MemoryBlock> list(String agentId) {
        String agent = Checks.requireText(agentId, "agentId").strip();
        try {
            return WireMapping.blocks(RestPages.items(http.call(ApiRequest.get("v1", "agents", agent,
                    "core-memory", "blocks").build(), Wire.Block[].class)));
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agent + " is not known to the Letta API at "
                    + http.baseUrl(), e);
        }
    }

    @Override
    public MemoryBlock get(String agentId, String label) {
        String agent = Checks.requireText(agentId, "agentId").strip();
        String checked = requireLabel(label);
        try {
            return WireMapping.block(http.call(ApiRequest.get("v1", "agents", agent, "core-memory", "blocks",
                    checked).build(), Wire.Block.class));
        } catch (NotFoundException e) {
            throw missing(agent, checked, e);
        }
    }

    @Override
    public MemoryBlock update(String agentId, String label, String value) {
        String agent = Checks.requireText(agentId, "agentId").strip();
        String checked = requireLabel(label);
        Checks.requireNonNull(value, "value");
        try {
            return WireMapping.block(http.call(ApiRequest.patch("v1", "agents", agent, "core-memory", "blocks",
                    checked).body(Map.of("value", value)).build(), Wire.Block.class));
        } catch (NotFoundException e) {
            throw missing(agent, checked, e);
        }
    }

    /**
     * @param label a block label
     * @return it, when it is a plain name
     * @throws ConfigurationException if it is blank or holds {@code /}, {@code ..} or a control character
     */
    static String requireLabel(String label) {
        Checks.requireText(label, "label");
        boolean control = label.chars().anyMatch(Character::isISOControl);
        if (label.contains("/") || label.contains("..") || control) {
            throw new ConfigurationException("memory block label must be a plain name without '/', '..' or "
                    + "control characters (got \"" + (control ? label.replaceAll("\\p{Cntrl}", "?") : label) + "\")");
        }
        return label;
    }

    private NotFoundException missing(String agentId, String label, NotFoundException cause) {
        return new NotFoundException("agent " + agentId + " has no memory block '" + label + "' on the Letta API at "
                + http.baseUrl() + " (or the agent is unknown)", cause);
    }
}
