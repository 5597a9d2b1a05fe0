package ai.letta.code.api.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a send cost ({@code LettaUsageStatistics}): tokens and agent steps over every run the request started.
 * Counts the server leaves out read as 0; the fields this SDK does not model (cache and reasoning tokens, newer
 * ones) are in {@link #extras()}.
 *
 * @param promptTokens tokens sent to the model
 * @param completionTokens tokens the model produced
 * @param totalTokens both together
 * @param stepCount agent steps taken
 * @param runIds the runs the request started, oldest first
 * @param extras the other JSON fields, as plain Java values
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens, int stepCount, List<String> runIds,
        Map<String, Object> extras) {

    /** No usage reported. */
    public static final Usage NONE = new Usage(0, 0, 0, 0, List.of(), Map.of());

    /**
     * Copies the lists (a JSON null in {@code extras} stays a null value).
     *
     * @param promptTokens tokens sent to the model
     * @param completionTokens tokens the model produced
     * @param totalTokens both together
     * @param stepCount agent steps taken
     * @param runIds the runs the request started, oldest first
     * @param extras the other JSON fields, as plain Java values
     */
    public Usage {
        runIds = runIds == null ? List.of() : runIds.stream().filter(id -> id != null).toList();
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
