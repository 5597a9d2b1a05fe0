package ai.letta.code.api.conversation;

import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to fetch: at most {@link #limit()} items, older than a {@link #before()} cursor or newer
 * than an {@link #after()} cursor (not both), newest first unless {@link #chronological()}.
 *
 * <pre>{@code
 * Page<AgentInfo> page = client.agents().list(PageRequest.first(20));
 * page.nextCursor().ifPresent(c -> client.agents().list(PageRequest.first(20).startingAfter(c)));
 * }</pre>
 */
public final class PageRequest {
    private final int limit;
    private final String before;
    private final String after;
    private final boolean ascending;

    private PageRequest(int limit, String before, String after, boolean ascending) {
        this.limit = Checks.requirePositive(limit, "PageRequest.limit");
        this.before = before;
        this.after = after;
        this.ascending = ascending;
    }

    /**
     * @param limit the most items to return
     * @return the first page, newest first
     */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null, null, false);
    }

    /**
     * @param cursor the previous page's {@link Page#nextCursor()}, or an item id
     * @return this request for the items after it, in the same order (a {@link #before()} cursor is dropped)
     */
    public PageRequest startingAfter(String cursor) {
        return new PageRequest(limit, null, Checks.requireText(cursor, "PageRequest.after"),
                ascending);
    }

    /**
     * @param cursor the previous page's {@link Page#nextCursor()}, or an item id
     * @return this request for the items before it, in the same order (an {@link #after()} cursor is dropped)
     */
    public PageRequest endingBefore(String cursor) {
        return new PageRequest(limit, Checks.requireText(cursor, "PageRequest.before"), null,
                ascending);
    }

    /** @return the same request, oldest first */
    public PageRequest chronological() {
        return new PageRequest(limit, before, after, true);
    }

    /** @return the most items to return */
    public int limit() {
        return limit;
    }

    /** @return the cursor items must be older than, if set */
    public Optional<String> before() {
        return Optional.ofNullable(before);
    }

    /** @return the cursor items must be newer than, if set */
    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    /** @return whether oldest items come first */
    public boolean ascending() {
        return ascending;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRequest p && limit == p.limit && Objects.equals(before, p.before)
                && Objects.equals(after, p.after) && ascending == p.ascending;
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, before, after, ascending);
    }

    @Override
    public String toString() {
        return "PageRequest[limit=" + limit + ", before=" + before + ", after=" + after + ", ascending=" + ascending
                + "]";
    }
}
