package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.relay.RelayAddress;
import ai.letta.code.transport.cloud.relay.RelayChannel;
import ai.letta.code.transport.remote.internal.FrameChannel;
import ai.letta.code.transport.remote.internal.ProtocolEndpoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The protocol-v2 client's endpoint for one cloud runtime: each connect opens a {@link RelayChannel} to the
 * listener's current connection. The first connect uses the connection id the session was opened with; every
 * reconnect asks the {@link ListenerLocator} again, off the event loop, so a listener that re-registered is
 * followed and an expired sandbox ends the reconnects at once.
 */
final class RelayEndpoint {

    private RelayEndpoint() {
    }

    /**
     * @param options the cloud options
     * @param locator finds the listener's connection
     * @param connectionId its connection now
     * @param agentId the runtime's agent
     * @param conversationId the runtime's conversation ({@code default} for the main thread)
     * @param resolver runs the locator's blocking calls
     * @return the endpoint
     */
    static ProtocolEndpoint of(CloudOptions options, ListenerLocator locator, String connectionId, String agentId,
            String conversationId, Executor resolver) {
        AtomicReference<String> first = new AtomicReference<>(connectionId);
        FrameChannel.Opener opener = (group, listener) -> {
            String known = first.getAndSet(null);
            CompletableFuture<String> id = known != null ? CompletableFuture.completedFuture(known)
                    : CompletableFuture.supplyAsync(locator::connectionId, resolver);
            return id.thenCompose(current -> RelayChannel.open(group,
                    new RelayAddress(options, current, agentId, conversationId), listener));
        };
        String description = "the Letta Code listener of " + locator.describe() + " (through the Letta Cloud relay "
                + "at " + new RelayAddress(options, connectionId, agentId, conversationId).description()
                .replaceFirst("^the Letta Cloud relay at ", "") + ")";
        String resume = SessionTarget.reportedConversationId(agentId, conversationId);
        return new ProtocolEndpoint(BackendKind.CLOUD, description, opener, options.connectTimeout(), options.requestTimeout(),
                options.reconnectBound(), "resume the conversation with client.resumeSession(\"" + resume
                        + "\") once its listener is back");
    }
}
