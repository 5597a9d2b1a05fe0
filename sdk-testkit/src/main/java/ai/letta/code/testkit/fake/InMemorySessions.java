package ai.letta.code.testkit.fake;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens {@link InMemoryChannel}s: resolves the target to a real agent and conversation (the default agent, a new
 * conversation, an existing one, an agent's default conversation) and applies the options the fake honours.
 */
final class InMemorySessions implements SessionPort {

    private final InMemoryTransport transport;

    InMemorySessions(InMemoryTransport transport) {
        this.transport = transport;
    }

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions options, SessionSink sink) {
        Checks.requireNonNull(target, "target");
        Checks.requireNonNull(options, "options");
        Checks.requireNonNull(sink, "sink");
        transport.ensureOpen();
        InMemoryAgents agents = transport.agentStore();
        String agentId;
        String conversationId;
        if (target instanceof SessionTarget.NewConversation fresh) {
            agentId = fresh.agent().orElseGet(agents::defaultAgent);
            agents.used(agentId);
            conversationId = transport.conversationStore().create(agentId).id();
        } else if (target instanceof SessionTarget.AgentDefault agentDefault) {
            agentId = agentDefault.agentId();
            agents.used(agentId);
            conversationId = agents.defaultConversation(agentId);
        } else {
            SessionTarget.Existing existing = (SessionTarget.Existing) target;
            conversationId = existing.conversationId();
            agentId = transport.conversationStore().get(conversationId).agentId();
            if (existing.agent().isPresent() && !existing.agent().get().equals(agentId)) {
                throw new ConversationNotFoundException("conversation " + conversationId + " belongs to agent "
                        + agentId + ", not to " + existing.agent().get());
            }
            agents.used(agentId);
        }
        String model = options.model()
                .map(m -> transport.catalog().requireOffered(m, "SessionOptions.model"))
                .orElseGet(() -> agents.model(agentId));
        options.dreaming().ifPresent(dreaming -> {
            transport.require(transport.options().dreaming(), "SessionOptions.dreaming");
            agents.dreaming(agentId, dreaming);
        });
        Path cwd = options.cwd().orElseGet(transport::defaultWorkDir);
        if (!Files.isDirectory(cwd)) {
            throw new ConfigurationException("SessionOptions.cwd " + cwd + " is not a directory");
        }
        SessionSetup setup = new SessionSetup(agentId, conversationId, model,
                options.reasoningEffort().orElse(null), options.permissionMode(), options.includePartialMessages());
        SinkPump pump = new SinkPump(sink, "in-memory-reader-" + conversationId,
                event -> transport.journal().delivered(conversationId, event));
        ToolRunner tools = new ToolRunner(cwd, options.env(), transport.options().runTools(),
                transport.options().toolTimeout());
        return transport.register(new InMemoryChannel(transport, setup, pump, tools)).start();
    }
}
