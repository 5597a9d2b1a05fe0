package ai.letta.code.api.conversation;

import ai.letta.code.api.exception.ConfigurationException;
import java.util.Optional;

/**
 * Which page of a listing to fetch.
 *
 * @param limit the most items to return
 * @param before return items older than this id, or {@code null}
 * @param after return items newer than this id, or {@code null}
 * @param ascending oldest first ({@code true}) or newest first
 */
public record PageRequest(int limit, String before, String after, boolean ascending) {
    /** Validates. */
    public PageRequest {
        ConfigurationException.requirePositive(limit, "PageRequest.limit");
        if (before != null && after != null) {
            throw new ConfigurationException("PageRequest takes a 'before' or an 'after' cursor, not both");
        }
    }

    /**
     * @param limit the most items to return
     * @return the first page, newest first
     */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null, null, false);
    }

    /**
     * @param cursor the previous page's {@link Page#nextCursor()}
     * @return the page after it, in the same order
     */
    public PageRequest after(String cursor) {
        return new PageRequest(limit, null, ConfigurationException.requireText(cursor, "PageRequest.after"), ascending);
    }

    /**
     * @param cursor an item id
     * @return the page before it, in the same order
     */
    public PageRequest before(String cursor) {
        return new PageRequest(limit, ConfigurationException.requireText(cursor, "PageRequest.before"), null, ascending);
    }

    /** @return the same request, oldest first */
    public PageRequest chronological() {
        return new PageRequest(limit, before, after, true);
    }

    /** @return the older-than cursor, if set */
    public Optional<String> beforeCursor() {
        return Optional.ofNullable(before);
    }

    /** @return the newer-than cursor, if set */
    public Optional<String> afterCursor() {
        return Optional.ofNullable(after);
    }
}
