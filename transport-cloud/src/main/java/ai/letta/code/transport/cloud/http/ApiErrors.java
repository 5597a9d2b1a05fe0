package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.InvalidRequestException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.PendingApprovalException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.spi.Redaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error answer into the sdk-api exception a caller can act on. Every message names the request, the
 * status and the server's message (bounded, credentials hidden), and never the key. A 422 is an
 * {@link InvalidRequestException} naming the fields the server's {@code detail[].loc} located.
 */
final class ApiErrors {

    /** How many offending fields a 422 names at most. */
    private static final int MAX_FIELDS = 20;
    private static final int MAX_FIELD_CHARS = 120;

    private final String baseUrl;
    private final List<String> secrets;

    /**
     * @param settings where requests go (for the messages)
     */
    ApiErrors(HttpSettings settings) {
        this.baseUrl = Redaction.url(settings.baseUrl());
        this.secrets = List.of(settings.apiKey().reveal());
    }

    /**
     * @param request what was asked
     * @param response the non-2xx answer
     * @param retryAfter the wait the server asked for, or {@code null}
     * @return the exception to throw
     */
    LettaCodeException of(ApiRequest request, RawResponse response, Duration retryAfter) {
        ErrorBody error = ErrorBody.parse(response.body());
        int status = response.status();
        String said = Redaction.head(Redaction.text(error.message(), secrets), Redaction.MAX_MESSAGE);
        String head = request + " on the Letta API at " + baseUrl + " answered HTTP " + status
                + (error.code() == null ? "" : " (" + Redaction.head(error.code(), 80) + ")")
                + (said.isEmpty() ? "" : ": " + said);
        switch (status) {
            case 401, 403 -> {
                return new AuthenticationException(head + ". Check the Letta API key (LETTA_API_KEY, passed as "
                        + "CloudOptions.apiKey): it must be a key of " + baseUrl + " that may make this call");
            }
            case 404 -> {
                return new NotFoundException(head);
            }
            case 409 -> {
                return error.pendingApproval()
                        ? new PendingApprovalException(head + ". Answer the pending tool approval first (resume the "
                                + "session with a canUseTool callback), then send again")
                        : new ConflictException(head);
            }
            case 422 -> {
                List<String> fields = shown(error.fields());
                return new InvalidRequestException(head + (fields.isEmpty()
                        ? ". The server refused the request's values; fix them and send again"
                        : ". The server refused " + (fields.size() == 1 ? "the field " : "the fields ")
                                + String.join(", ", fields) + "; fix " + (fields.size() == 1 ? "it" : "them")
                                + " and send again"), fields);
            }
            case 429 -> {
                return new RateLimitException(head + (retryAfter == null ? ""
                        : ". The server asked to wait " + retryAfter.toMillis() + " ms"), retryAfter);
            }
            default -> {
                String tail = Redaction.tail(Redaction.text(new String(response.body(), StandardCharsets.UTF_8),
                        secrets), Redaction.MAX_TAIL);
                return new TransportException(head, status, tail, null);
            }
        }
    }

    /** The field paths as messages may show them: at most {@value #MAX_FIELDS}, each bounded, credentials hidden. */
    private List<String> shown(List<String> fields) {
        List<String> shown = new ArrayList<>();
        for (String field : fields.subList(0, Math.min(fields.size(), MAX_FIELDS))) {
            shown.add(Redaction.head(Redaction.text(field, secrets), MAX_FIELD_CHARS));
        }
        return shown;
    }

    /**
     * @param request what was asked
     * @param cause why no answer came
     * @return a {@code TransportException} naming the endpoint
     */
    TransportException unreachable(ApiRequest request, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        return new TransportException("could not reach the Letta API at " + baseUrl + " (" + request + "): "
                + Redaction.head(Redaction.text(why, secrets), Redaction.MAX_MESSAGE), null, null, cause);
    }

    /** @return the base URL as messages show it */
    String baseUrl() {
        return baseUrl;
    }
}
