package ai.letta.code.transport.remote.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * The {@code delta} of a {@code stream_delta} frame (spec §2.3): a Letta streaming message ({@code type:"message"}
 * with a {@code message_type}) or a lifecycle delta ({@code type} = {@code loop_error}, {@code retry},
 * {@code status}, ...). One record holds the fields of every kind; each kind reads the ones it has.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WireDelta(
        String type,
        String messageType,
        String id,
        String runId,
        String otid,
        JsonNode content,
        String reasoning,
        JsonNode toolCall,
        JsonNode toolCalls,
        String toolCallId,
        JsonNode toolReturn,
        String status,
        String stopReason,
        String message,
        String reason,
        Integer attempt,
        Integer maxAttempts,
        Long delayMs,
        Boolean isTerminal,
        Boolean retryable,
        String errorType,
        JsonNode apiError,
        JsonNode detail) {

    /** @return the kind that decides the mapping: {@code message_type} for messages, else {@code type} */
    String kind() {
        if (messageType != null) {
            return messageType;
        }
        return type == null ? "" : type;
    }
}
