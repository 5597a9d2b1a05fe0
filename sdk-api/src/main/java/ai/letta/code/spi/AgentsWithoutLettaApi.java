package ai.letta.code.spi;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.internal.Checks;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Agents} of a backend without the Letta API's agent resources (the local CLI, the app server): what
 * only a Letta API server offers throws an {@link UnsupportedFeatureException} naming the call and the cloud
 * backend, written once for every such backend. A subclass overrides what its backend does offer, and calls
 * {@link #refuseUnsupported(AgentOptions, Set)} before it creates anything, so a Letta-API-only option is refused
 * and never silently dropped.
 */
public abstract class AgentsWithoutLettaApi implements Agents {

    /** The create options only a Letta API create body carries, by their {@code AgentOptions} name. */
    public enum ApiOption {
        /** {@link AgentOptions#blockIds()} */
        BLOCK_IDS("AgentOptions.blockIds"),
        /** {@link AgentOptions#tools()} */
        TOOLS("AgentOptions.tools"),
        /** {@link AgentOptions#toolIds()} */
        TOOL_IDS("AgentOptions.toolIds"),
        /** {@link AgentOptions#metadata()} */
        METADATA("AgentOptions.metadata"),
        /** {@link AgentOptions#enableSleeptime()} */
        ENABLE_SLEEPTIME("AgentOptions.enableSleeptime"),
        /** {@link AgentOptions#contextWindowLimit()}; the app server passes it through too */
        CONTEXT_WINDOW_LIMIT("AgentOptions.contextWindowLimit", BackendKind.REMOTE);

        private final String field;
        private final Set<BackendKind> offeredBy;

        ApiOption(String field, BackendKind... alsoOfferedBy) {
            this.field = field;
            this.offeredBy = EnumSet.of(BackendKind.CLOUD, alsoOfferedBy);
        }

        /** @return the backends that honour it */
        public Set<BackendKind> offeredBy() {
            return Set.copyOf(offeredBy);
        }

        /** @return the option's name in messages, e.g. {@code AgentOptions.blockIds} */
        public String field() {
            return field;
        }
    }

    private final BackendKind backend;

    /** @param backend the backend whose agents these are, named in every refusal */
    protected AgentsWithoutLettaApi(BackendKind backend) {
        this.backend = Checks.requireNonNull(backend, "backend");
    }

    /**
     * Refuses the options this backend cannot honour, before anything is sent or spawned.
     *
     * @param options what the agent is to be made of
     * @param honoured the Letta-API-only options this backend does honour (often none)
     * @return {@code options}
     * @throws UnsupportedFeatureException naming the first set option not in {@code honoured}
     */
    protected final AgentOptions refuseUnsupported(AgentOptions options, Set<ApiOption> honoured) {
        Checks.requireNonNull(options, "AgentOptions");
        for (Map.Entry<ApiOption, Boolean> set : setOptions(options).entrySet()) {
            if (set.getValue() && !honoured.contains(set.getKey())) {
                throw new UnsupportedFeatureException("createAgent with " + set.getKey().field(), backend,
                        set.getKey().offeredBy(),
                        "it is a field of the Letta API's create body: use Backend.cloud(...) with Letta Cloud or a"
                                + " Letta API server's base URL, or leave it unset");
            }
        }
        return options;
    }

    private static Map<ApiOption, Boolean> setOptions(AgentOptions options) {
        Map<ApiOption, Boolean> set = new LinkedHashMap<>();
        set.put(ApiOption.BLOCK_IDS, !options.blockIds().isEmpty());
        set.put(ApiOption.TOOLS, !options.tools().isEmpty());
        set.put(ApiOption.TOOL_IDS, !options.toolIds().isEmpty());
        set.put(ApiOption.METADATA, !options.metadata().isEmpty());
        set.put(ApiOption.ENABLE_SLEEPTIME, options.enableSleeptime());
        set.put(ApiOption.CONTEXT_WINDOW_LIMIT, options.contextWindowLimit().isPresent());
        return set;
    }

    /** @return the backend named in refusals */
    protected final BackendKind backend() {
        return backend;
    }

    @Override
    public AgentInfo update(String agentId, AgentUpdate update) {
        throw Unsupported.feature("agents().update", backend);
    }

    @Override
    public Page<AgentInfo> list(AgentFilter filter, PageRequest page) {
        throw Unsupported.feature("agents().list(AgentFilter, PageRequest)", backend);
    }

    @Override
    public int count(AgentFilter filter) {
        throw Unsupported.feature("agents().count", backend);
    }

    @Override
    public AgentFile exportAgent(String agentId) {
        throw Unsupported.feature("agents().exportAgent", backend);
    }

    @Override
    public List<String> importAgent(AgentFile file, ImportOptions options) {
        throw Unsupported.feature("agents().importAgent", backend);
    }

    @Override
    public ContextWindow contextWindow(String agentId) {
        throw Unsupported.feature("agents().contextWindow", backend);
    }
}
