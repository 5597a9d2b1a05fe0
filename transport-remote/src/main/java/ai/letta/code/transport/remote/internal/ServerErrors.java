package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.PendingApprovalException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a response's {@code success:false} / {@code error} text into the SDK's typed exceptions. */
final class ServerErrors {

    /**
     * How the app server passes on a refusal of its Letta API: the Letta client's {@code "<status> <body>"}, e.g.
     * {@code 401 {"detail":"..."}} for {@code agent_create} (verified against a fake Letta API answering
     * {@code POST /v1/agents} with 401, 403, 404, 409, 429, 500 and 503; it retried 409, 429 and 5xx twice first).
     */
    private static final Pattern HTTP_STATUS = Pattern.compile("^([45]\\d\\d)\\b");

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
        Matcher http = HTTP_STATUS.matcher(text.strip());
        if (http.find()) {
            int status = Integer.parseInt(http.group(1));
            if (status == 401 || status == 403) {
                return new AuthenticationException(message + " (HTTP " + status + " from the server's Letta API;"
                        + " check the API key the app server runs with)");
            }
            if (status == 429) {
                return new RateLimitException(message + " (HTTP 429 from the server's Letta API; try again later)",
                        null);
            }
            if (status >= 500) {
                return new TransportException(message + " (HTTP " + status + " from the server's Letta API)");
            }
        }
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
