package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.group.GroupInfo;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Letta API's {@code Group}, every field this SDK does not model kept in {@code extras}. */
record GroupWire(String id, @JsonProperty("manager_type") String managerType,
        @JsonProperty("agent_ids") List<String> agentIds, String description,
        @JsonProperty("manager_agent_id") String managerAgentId,
        @JsonProperty("sleeptime_agent_frequency") Integer sleeptimeAgentFrequency,
        @JsonAnySetter Map<String, Object> extras) {

    GroupInfo info() {
        return new GroupInfo(id, managerType, agentIds, description, managerAgentId, sleeptimeAgentFrequency,
                extras == null ? Map.of() : new LinkedHashMap<>(extras));
    }
}
