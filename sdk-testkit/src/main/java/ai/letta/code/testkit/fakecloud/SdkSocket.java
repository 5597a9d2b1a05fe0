package ai.letta.code.testkit.fakecloud;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import ai.letta.code.testkit.script.WebSocketConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One SDK socket on {@code /v1/environments/{connectionId}/status/ws}: its query (agent, conversation, channel),
 * its {@code seq} counter and the seqs not acked yet. Guarded by the {@link EnvironmentRegistry}'s lock.
 */
final class SdkSocket {

    final ListenerConnection connection;
    final WebSocketConnection socket;
    /** Null when the query had none: then it matches any runtime. */
    final String agentId;
    final String conversationId;
    /** {@code control}, {@code stream}, or null for a channel-less socket, which gets every frame. */
    final String channel;
    private final Set<Long> unacked = new HashSet<>();
    private long lastSeq;

    SdkSocket(ListenerConnection connection, WebSocketConnection socket, String agentId, String conversationId,
            String channel) {
        this.connection = connection;
        this.socket = socket;
        this.agentId = agentId;
        this.conversationId = conversationId;
        this.channel = channel;
    }

    /** Same SDK client: the two sockets of one session share agent and conversation (cloud-relay.md §5). */
    boolean sameClient(SdkSocket other) {
        return Objects.equals(agentId, other.agentId) && Objects.equals(conversationId, other.conversationId);
    }

    boolean matches(JsonNode runtime) {
        return (agentId == null || agentId.equals(runtime.path("agent_id").asString(null)))
                && (conversationId == null || conversationId.equals(runtime.path("conversation_id").asString(null)));
    }

    /** Whether a frame of this kind goes to this socket: stream types to stream, the rest to control. */
    boolean wants(boolean streamType, boolean mirrorToControl) {
        if (channel == null) {
            return true;
        }
        return streamType ? channel.equals("stream") || (mirrorToControl && channel.equals("control"))
                : !channel.equals("stream");
    }

    /** Sends {@code frame}, numbered when {@code seq} (then it counts as unacked until its ack). */
    void deliver(ObjectNode frame, boolean seq) {
        if (!seq) {
            socket.send(frame.toString());
            return;
        }
        ObjectNode numbered = frame.deepCopy();
        numbered.put("seq", ++lastSeq);
        unacked.add(lastSeq);
        socket.send(numbered.toString());
    }

    void ack(long seq) {
        unacked.remove(seq);
    }

    int unackedCount() {
        return unacked.size();
    }
}
