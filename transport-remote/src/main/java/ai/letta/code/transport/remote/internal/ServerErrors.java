package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.PendingApprovalException;
import java.util.Locale;

/** Turns a response's {@code success:false} / {@code error} text into the SDK's typed exceptions. */
final class ServerErrors {

    private ServerErrors() {
    }

    /**
     * @param command the command that failed
     * @param error the server's error text, or {@code null}
     * @param peer the peer as messages name it
     * @return the exception to throw
     */
    static LettaCodeException refused(String command, String error, String peer) {
        String text = error == null ? "no reason given" : error;
        String message = peer + " refused `" + command + "`: " + text;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("not found") || lower.contains("404")) {
            if (lower.contains("conversation")) {
                return new ConversationNotFoundException(message);
            }
            if (lower.contains("agent")) {
                return new AgentNotFoundException(message);
            }
            return new NotFoundException(message);
        }
        if (lower.contains("approval")) {
            return new PendingApprovalException(message);
        }
        if (lower.contains("no longer active") || lower.contains("switching computers") || lower.contains("409")) {
            return new ConflictException(message);
        }
        return new LettaCodeException(message);
    }
}
