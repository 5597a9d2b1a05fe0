package ai.letta.code.api.group;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent group ({@code Group}): agents that run together under a manager. A sleep-time group is the one the
 * Letta API makes for an agent created or updated with {@code enable_sleeptime}: its manager is that agent, its
 * member the sleep-time agent that rewrites the shared memory every {@link #sleeptimeAgentFrequency()} steps.
 * Immutable; {@link #extras()} keeps the server's fields this SDK does not model.
 */
public final class GroupInfo {
    private final String id;
    private final String managerType;
    private final List<String> agentIds;
    private final String description;
    private final String managerAgentId;
    private final Integer sleeptimeAgentFrequency;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the group id ({@code group-…})
     * @param managerType how it is managed ({@code sleeptime}, {@code round_robin}, {@code supervisor}, ...)
     * @param agentIds its member agents ({@code null} for none)
     * @param description its description ({@code null} for none)
     * @param managerAgentId the managing agent, or {@code null}
     * @param sleeptimeAgentFrequency every how many steps the sleep-time agent runs, or {@code null}
     * @param extras the server's fields this SDK does not model ({@code null} for none)
     */
    public GroupInfo(String id, String managerType, List<String> agentIds, String description, String managerAgentId,
            Integer sleeptimeAgentFrequency, Map<String, Object> extras) {
        this.id = Objects.requireNonNull(id, "id");
        this.managerType = managerType == null ? "" : managerType;
        this.agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
        this.description = description == null ? "" : description;
        this.managerAgentId = managerAgentId;
        this.sleeptimeAgentFrequency = sleeptimeAgentFrequency;
        this.extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** @return the group id ({@code group-…}) */
    public String id() {
        return id;
    }

    /** @return how it is managed ({@code sleeptime}, {@code round_robin}, ...; empty if the server did not say) */
    public String managerType() {
        return managerType;
    }

    /** @return whether this is a sleep-time group */
    public boolean isSleeptime() {
        return managerType.equals("sleeptime");
    }

    /** @return its member agents (for a sleep-time group, the sleep-time agents) */
    public List<String> agentIds() {
        return agentIds;
    }

    /** @return its description (empty for none) */
    public String description() {
        return description;
    }

    /** @return the managing agent (for a sleep-time group, the agent whose memory is shared), if any */
    public Optional<String> managerAgentId() {
        return Optional.ofNullable(managerAgentId);
    }

    /** @return every how many steps of the main agent the sleep-time agent runs, if the server says */
    public Optional<Integer> sleeptimeAgentFrequency() {
        return Optional.ofNullable(sleeptimeAgentFrequency);
    }

    /** @return the server's fields this SDK does not model, as plain Java values */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupInfo o && id.equals(o.id) && managerType.equals(o.managerType)
                && agentIds.equals(o.agentIds) && description.equals(o.description)
                && Objects.equals(managerAgentId, o.managerAgentId)
                && Objects.equals(sleeptimeAgentFrequency, o.sleeptimeAgentFrequency) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, managerType, agentIds, managerAgentId, sleeptimeAgentFrequency);
    }

    @Override
    public String toString() {
        return "GroupInfo[id=" + id + ", managerType=" + managerType + ", agentIds=" + agentIds
                + ", managerAgentId=" + managerAgentId + ", sleeptimeAgentFrequency=" + sleeptimeAgentFrequency + "]";
    }
}
