package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.remote.internal.FrameChannel;
import ai.letta.code.transport.remote.internal.FrameCodec;
import ai.letta.code.transport.remote.internal.RemoteSessions;
import ai.letta.code.transport.remote.internal.ServerConnection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens cloud sessions (cloud.md §1.1): the conversation is resolved over HTTPS (a new one is created; an existing
 * one's agent is looked up; an agent id means its main thread, {@code default}), the listener is found (a managed
 * sandbox is created or resumed and awaited, or a named environment looked up), and then the remote backend's
 * protocol-v2 session opens on a relay connection of its own: everything from {@code runtime_start} on is the
 * remote backend's code, over {@link ai.letta.code.transport.cloud.relay.RelayChannel}.
 */
public final class CloudSessions implements SessionPort {

    private final CloudOptions options;
    private final SessionControl control;
    private final ExecutorService resolver;
    private final ScheduledExecutorService timer;

    /**
     * @param options the cloud options
     * @param control the control plane
     * @param resolver runs blocking control-plane calls of reconnects (off the event loops)
     * @param timer runs sandbox refreshes
     */
    public CloudSessions(CloudOptions options, SessionControl control, ExecutorService resolver,
            ScheduledExecutorService timer) {
        this.options = options;
        this.control = control;
        this.resolver = resolver;
        this.timer = timer;
    }

    @Override
    public SessionChannel open(SessionTarget target, SessionOptions sessionOptions, SessionSink sink) {
        Checks.requireNonNull(target, "target");
        Checks.requireNonNull(sessionOptions, "options");
        Checks.requireNonNull(sink, "sink");
        RemoteSessions.refuseEnv(sessionOptions, BackendKind.CLOUD); // before a sandbox is leased
        SessionTarget scope = scope(target);
        String agentId = scope.agent().orElseThrow();
        String conversationId = scope instanceof SessionTarget.Existing existing ? existing.conversationId()
                : SessionTarget.DEFAULT_CONVERSATION;
        ListenerLocator listener = locate(sessionOptions.executionTarget().orElse(options.target()), agentId, conversationId);
        try {
            ServerConnection connection = new ServerConnection(RelayEndpoint.of(options, listener,
                    listener.connectionId(), agentId, conversationId, resolver), new FrameCodec());
            if (listener instanceof SandboxLease lease) {
                lease.onExpired(() -> lease.expiry().ifPresent(expired -> connection.abandon(
                        new TransportLostException(expired.getMessage(), FrameChannel.ABNORMAL_CLOSURE, null,
                                expired))));
            }
            try {
                return new CloudSession(new RemoteSessions(connection).open(scope, sessionOptions, sink), connection,
                        listener);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /** @return the target with its agent and conversation known (a new conversation is created here) */
    private SessionTarget scope(SessionTarget target) {
        if (target instanceof SessionTarget.NewConversation fresh) {
            if (fresh.agentId() == null) {
                throw new ConfigurationException("the cloud backend has no default agent: name one, e.g. "
                        + "client.createSession(agentId, options) or client.prompt(text, agentId)");
            }
            return SessionTarget.existing(fresh.agentId(), control.createConversation(fresh.agentId()).id());
        }
        if (target instanceof SessionTarget.Existing existing && existing.agentId() == null) {
            String agentId = control.conversation(existing.conversationId()).agentId();
            if (agentId == null) {
                throw new ConfigurationException("conversation " + existing.conversationId() + " has no agent the "
                        + "Letta API reports; open it with SessionTarget.existing(agentId, conversationId)");
            }
            return SessionTarget.existing(agentId, existing.conversationId());
        }
        return target;
    }

    private ListenerLocator locate(ExecutionTarget where, String agentId, String conversationId) {
        if (where instanceof ExecutionTarget.Environment environment) {
            return new EnvironmentLocator(control, environment);
        }
        return SandboxLease.acquire(control, agentId, conversationId.equals(SessionTarget.DEFAULT_CONVERSATION) ? null : conversationId,
                (ExecutionTarget.ManagedSandbox) where, timer);
    }
}
