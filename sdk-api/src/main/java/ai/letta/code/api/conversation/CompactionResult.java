package ai.letta.code.api.conversation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What compacting a conversation did ({@code CompactionResponse}): the summary that replaced the older messages,
 * and how many messages were in context before and after.
 *
 * @param summary the summary that now stands for the compacted messages
 * @param messagesBefore messages in context before
 * @param messagesAfter messages in context after
 * @param extras the server's fields this SDK does not model (never {@code null})
 */
public record CompactionResult(String summary, int messagesBefore, int messagesAfter, Map<String, Object> extras) {

    /**
     * Copies {@code extras} (which may hold JSON nulls) into an unmodifiable map.
     *
     * @param summary the summary that now stands for the compacted messages
     * @param messagesBefore messages in context before
     * @param messagesAfter messages in context after
     * @param extras the server's fields this SDK does not model (never {@code null})
     */
    public CompactionResult {
        summary = summary == null ? "" : summary;
        extras = extras == null || extras.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
