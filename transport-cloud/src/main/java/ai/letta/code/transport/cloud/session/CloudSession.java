package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.transport.remote.internal.ServerConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud session: the protocol-v2 session of the remote backend on its own relay connection, plus the listener it
 * holds. What the protocol does is the remote session's; this adds what a managed sandbox needs: a call after the
 * sandbox expired fails first with its {@link ai.letta.code.api.exception.ManagedSandboxExpiredException}, and
 * closing releases the connection and then the sandbox.
 */
final class CloudSession implements SessionChannel {

    private final SessionChannel protocol;
    private final ServerConnection connection;
    private final ListenerLocator listener;

    CloudSession(SessionChannel protocol, ServerConnection connection, ListenerLocator listener) {
        this.protocol = protocol;
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public String agentId() {
        return protocol.agentId();
    }

    @Override
    public String conversationId() {
        return protocol.conversationId();
    }

    @Override
    public void send(String clientMessageId, UserMessage message) {
        alive();
        protocol.send(clientMessageId, message);
    }

    @Override
    public void interrupt() {
        alive();
        protocol.interrupt();
    }

    @Override
    public void answer(ToolPermissionRequest request, PermissionDecision decision) {
        alive();
        protocol.answer(request, decision);
    }

    @Override
    public ModelCatalog listModels() {
        alive();
        return protocol.listModels();
    }

    @Override
    public void updateModel(ModelUpdate update) {
        alive();
        protocol.updateModel(update);
    }

    @Override
    public void updateDreaming(Dreaming dreaming) {
        alive();
        protocol.updateDreaming(dreaming);
    }

    @Override
    public boolean removeQueued(String id) {
        alive();
        return protocol.removeQueued(id);
    }

    /** The remote protocol's commands: the relay reaches the same listener protocol. */
    @Override
    public Optional<AcceptedCommands> acceptedCommands() {
        return protocol.acceptedCommands().map(a -> new AcceptedCommands(BackendKind.CLOUD, a.types(), a.note()));
    }

    @Override
    public void sendRaw(Map<String, Object> command) {
        alive();
        protocol.sendRaw(command);
    }

    @Override
    public CommandResponse request(Map<String, Object> command, ResponseMatcher matcher, Duration timeout) {
        alive();
        return protocol.request(command, matcher, timeout);
    }

    @Override
    public Duration requestTimeout() {
        return protocol.requestTimeout();
    }

    @Override
    public void close() {
        try {
            protocol.close();
        } finally {
            try {
                connection.close();
            } finally {
                listener.close();
            }
        }
    }

    private void alive() {
        if (listener instanceof SandboxLease lease) {
            lease.expiry().ifPresent(expired -> {
                throw expired;
            });
        }
    }
}
