package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.BackendKind;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ServerConnection} talks to: how to open its channel, how long its waits may take, and how messages
 * name it.
 *
 * @param backend the backend the user chose, which messages and capability reports name (the protocol serves
 *     the remote backend, the cloud backend's relay and the local backend's loopback server)
 * @param description the peer as messages name it, e.g. {@code the app server at ws://127.0.0.1:4500/ws} (never a
 *     secret)
 * @param opener opens the channel, on connect and on every reconnect attempt
 * @param connectTimeout the longest an open may take
 * @param requestTimeout the longest a command's answer may take
 * @param reconnectBound how long a lost channel is retried before the sessions on it are closed
 * @param resumeHint what a user does once the peer is gone for good, ending a sentence (e.g.
 *     {@code resume the conversation with resumeSession once it is back})
 */
public record ProtocolEndpoint(BackendKind backend, String description, FrameChannel.Opener opener, Duration connectTimeout,
        Duration requestTimeout, Duration reconnectBound, String resumeHint) {

    /**
     * Checks that nothing is missing.
     *
     * @param backend the backend the user chose
     * @param description the peer as messages name it (never a secret)
     * @param opener opens the channel, on connect and on every reconnect attempt
     * @param connectTimeout the longest an open may take
     * @param requestTimeout the longest a command's answer may take
     * @param reconnectBound how long a lost channel is retried before its sessions are closed
     * @param resumeHint what a user does once the peer is gone for good, ending a sentence
     */
    public ProtocolEndpoint {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(reconnectBound, "reconnectBound");
        Objects.requireNonNull(resumeHint, "resumeHint");
    }

    @Override
    public String toString() {
        return description;
    }
}
