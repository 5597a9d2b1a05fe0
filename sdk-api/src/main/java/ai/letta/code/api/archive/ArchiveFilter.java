package ai.letta.code.api.archive;

import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * Which archives {@link Archives#list} returns: all of them, those with a name, or those attached to an agent.
 * Immutable.
 *
 * <pre>{@code
 * client.archives().list(ArchiveFilter.all().attachedTo(agentId), PageRequest.first(20))
 * }</pre>
 */
public final class ArchiveFilter {
    private static final ArchiveFilter ALL = new ArchiveFilter(null, null);

    private final String name;
    private final String agentId;

    private ArchiveFilter(String name, String agentId) {
        this.name = name;
        this.agentId = agentId;
    }

    /** @return no filter: every archive */
    public static ArchiveFilter all() {
        return ALL;
    }

    /**
     * @param name an archive name
     * @return this filter, also requiring that exact name
     */
    public ArchiveFilter named(String name) {
        return new ArchiveFilter(Checks.requireText(name, "ArchiveFilter.name"), agentId);
    }

    /**
     * @param agentId an agent id
     * @return this filter, also requiring the archive to be attached to that agent
     */
    public ArchiveFilter attachedTo(String agentId) {
        return new ArchiveFilter(name, Checks.requireId(agentId, "ArchiveFilter.agentId", "agent"));
    }

    /** @return the name archives must have, if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the agent archives must be attached to, if set */
    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveFilter o && Objects.equals(name, o.name) && Objects.equals(agentId, o.agentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, agentId);
    }

    @Override
    public String toString() {
        return "ArchiveFilter[name=" + name + ", agentId=" + agentId + "]";
    }
}
