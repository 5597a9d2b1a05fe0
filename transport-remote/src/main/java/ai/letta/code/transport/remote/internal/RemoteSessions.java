package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Opens sessions with {@code runtime_start} (spec §3.3): a new conversation ({@code create_conversation}), an
 * existing one (its agent looked up with {@code conversation_retrieve} when the caller did not name it: the server
 * will not infer it), or the agent's main thread ({@code conversation_id:"default"}). The {@code default} alias is
 * never handed out as a conversation id: the session reports the agent id instead, which
 * {@code resumeSession(id)} maps back to the same main thread.
 */
public final class RemoteSessions implements SessionPort {

    private final ServerConnection connection;

    /** @param connection the client's shared connection */
    public RemoteSessions(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions options, SessionSink sink) {
        Checks.requireNonNull(target, "target");
        Checks.requireNonNull(options, "options");
        Checks.requireNonNull(sink, "sink");
        refuseEnv(options, connection.backendKind());
        RuntimeStart start = new RuntimeStart(options.cwd().map(Path::toString).orElse(null),
                DeviceModes.toWire(options.permissionMode()));
        options.reasoningEffort().ifPresent(Commands::effort);
        connection.connected();
        String requestId = connection.correlator().nextRequestId("rs");
        RemoteSession early = null;
        Map<String, Object> command;
        if (target instanceof SessionTarget.NewConversation fresh) {
            command = start.command(requestId, fresh.agentId(), fresh.agentId() == null ? Map.of() : null, null);
        } else {
            RuntimeKey key = target instanceof SessionTarget.Existing existing
                    ? new RuntimeKey(existing.agentId() != null ? existing.agentId()
                            : agentOf(existing.conversationId()), existing.conversationId())
                    : new RuntimeKey(((SessionTarget.AgentDefault) target).agentId(), SessionTarget.DEFAULT_CONVERSATION);
            command = start.command(requestId, key.agentId(), null, key.conversationId());
            // Registered before runtime_start, so nothing the server replays for the runtime is missed.
            early = session(key, options, sink, start);
        }
        ServerFrame response;
        try {
            response = connection.call(command, "runtime_start_response");
        } catch (RuntimeException e) {
            if (early != null) {
                connection.router().unregister(early.key(), early);
            }
            throw e;
        }
        JsonNode agent = response.json().path("agent");
        RemoteSession session = early;
        if (session == null) {
            JsonNode runtime = response.json().path("runtime");
            session = session(new RuntimeKey(Json.text(runtime, "agent_id"), Json.text(runtime, "conversation_id")),
                    options, sink, start);
        }
        session.settings().currentModel(Json.text(agent, "model"));
        try {
            if (options.model().isPresent() || options.reasoningEffort().isPresent()) {
                session.updateModel(new ModelUpdate(options.model().orElse(null),
                        options.reasoningEffort().orElse(null)));
            }
            options.dreaming().ifPresent(session::updateDreaming);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        Init init = new Init(session.agentId(), session.conversationId(), session.settings().currentModel(),
                tools(agent));
        // On the loop (sink calls never overlap) and awaited, so the Init is in the engine's queue before open()
        // returns: a send() right after must not find it among its turn's events.
        Waits.onLoop(connection.loop(), () -> {
            sink.onEvent(init);
            return null;
        });
        return session;
    }

    private RemoteSession session(RuntimeKey key, SessionOptions options, SessionSink sink, RuntimeStart start) {
        String resolved = SessionTarget.reportedConversationId(key.agentId(), key.conversationId());
        RemoteSession session = new RemoteSession(connection, key, resolved, options.includePartialMessages(), sink,
                start);
        connection.router().register(key, session);
        return session;
    }

    private String agentOf(String conversationId) {
        Map<String, Object> command = Commands.command("conversation_retrieve",
                connection.correlator().nextRequestId("cr"));
        command.put("conversation_id", conversationId);
        ServerFrame frame = connection.call(command, "conversation_retrieve_response");
        String agentId = Json.text(frame.json().path("conversation"), "agent_id");
        if (agentId == null) {
            throw new ConfigurationException("conversation " + conversationId + " has no agent the app server "
                    + "reports; open it with SessionTarget.existing(agentId, conversationId)");
        }
        return agentId;
    }

    private static List<String> tools(JsonNode agent) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : agent.path("tools")) {
            String name = tool.isString() ? tool.stringValue() : Json.text(tool, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The app server runs its tools in its own process, with the environment it was started with; a runtime cannot
     * be given more. Refused before anything is sent, so the option is never silently dropped.
     *
     * @param options the session's options
     * @param backend the backend asked, for the message
     * @throws UnsupportedFeatureException if {@code SessionOptions.env} is set
     */
    public static void refuseEnv(SessionOptions options, BackendKind backend) {
        if (!options.env().isEmpty()) {
            throw new UnsupportedFeatureException("SessionOptions.env (" + options.env().size() + " variables; the "
                    + backend.label() + " backend's tools run with the environment its server was started with)",
                    backend, Set.of(BackendKind.LOCAL));
        }
    }
}
