package ai.letta.code.transport.remote.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code delta} of a {@code stream_delta} frame (spec §2.3): a Letta streaming message ({@code type:"message"}
 * with a {@code message_type}) or a lifecycle delta ({@code type} = {@code loop_error}, {@code retry},
 * {@code status}, ...). One class holds the fields of every kind; each kind reads the ones it has; absent fields are
 * {@code null}. The content is bound to its text ({@link ContentText}).
 *
 * <p>Bound field by field rather than as a record: a record of this many components is built through a spread
 * method handle for each delta, which costs a turn's hot path more than the whole rest of its binding.
 * Read-only once bound.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class WireDelta {
    private String type;
    private String messageType;
    private String id;
    private String runId;
    private String otid;
    @JsonDeserialize(using = ContentText.class)
    private String content;
    private String reasoning;
    private JsonNode toolCall;
    private JsonNode toolCalls;
    private String toolCallId;
    private JsonNode toolReturn;
    private String status;
    private String stopReason;
    private String message;
    private String reason;
    private Integer attempt;
    private Integer maxAttempts;
    private Long delayMs;
    private Boolean isTerminal;
    private Boolean retryable;
    private String errorType;
    private JsonNode apiError;
    private JsonNode detail;

    /** @return the kind that decides the mapping: {@code message_type} for messages, else {@code type} */
    String kind() {
        if (messageType != null) {
            return messageType;
        }
        return type == null ? "" : type;
    }

    /** @return the content's text, {@code ""} when there is none */
    String contentText() {
        return content == null ? "" : content;
    }

    String type() {
        return type;
    }

    String messageType() {
        return messageType;
    }

    String id() {
        return id;
    }

    String runId() {
        return runId;
    }

    String otid() {
        return otid;
    }

    String content() {
        return content;
    }

    String reasoning() {
        return reasoning;
    }

    JsonNode toolCall() {
        return toolCall;
    }

    JsonNode toolCalls() {
        return toolCalls;
    }

    String toolCallId() {
        return toolCallId;
    }

    JsonNode toolReturn() {
        return toolReturn;
    }

    String status() {
        return status;
    }

    String stopReason() {
        return stopReason;
    }

    String message() {
        return message;
    }

    String reason() {
        return reason;
    }

    Integer attempt() {
        return attempt;
    }

    Integer maxAttempts() {
        return maxAttempts;
    }

    Long delayMs() {
        return delayMs;
    }

    Boolean isTerminal() {
        return isTerminal;
    }

    Boolean retryable() {
        return retryable;
    }

    String errorType() {
        return errorType;
    }

    JsonNode apiError() {
        return apiError;
    }

    JsonNode detail() {
        return detail;
    }
}
