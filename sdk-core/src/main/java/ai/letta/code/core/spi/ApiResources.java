package ai.letta.code.core.spi;

import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.tool.Tools;
import java.util.Objects;

/**
 * The Letta API resources a backend with a Letta API server offers beyond agents, conversations, blocks and
 * models.
 *
 * @param tools tools and their attachment to agents
 * @param archives archives
 * @param passages passages of archives and archival memory
 * @param messages messages of agents and conversations
 * @param groups agent groups (sleep-time)
 */
public record ApiResources(Tools tools, Archives archives, Passages passages, Messages messages, Groups groups) {

    /**
     * Checks that nothing is missing.
     *
     * @param tools tools and their attachment to agents
     * @param archives archives
     * @param passages passages of archives and archival memory
     * @param messages messages of agents and conversations
     * @param groups agent groups (sleep-time)
     */
    public ApiResources {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(archives, "archives");
        Objects.requireNonNull(passages, "passages");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(groups, "groups");
    }
}
