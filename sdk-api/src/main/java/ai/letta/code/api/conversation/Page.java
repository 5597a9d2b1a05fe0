package ai.letta.code.api.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextCursor;
    private final boolean hasMore;

    /**
     * @param items the items, in the order asked for ({@code null} for none)
     * @param nextCursor the cursor for the next page, or {@code null} when there is none
     * @param hasMore whether more items follow
     */
    public Page(List<T> items, String nextCursor, boolean hasMore) {
        this.items = items == null ? List.of() : List.copyOf(items);
        this.nextCursor = nextCursor;
        this.hasMore = hasMore;
    }

    /** @return the items, in the order asked for */
    public List<T> items() {
        return items;
    }

    /**
     * @return the next page's cursor, if there is one: pass it to {@link PageRequest#startingAfter} or
     *     {@link PageRequest#endingBefore}, in the direction of this page
     */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /** @return whether more items follow */
    public boolean hasMore() {
        return hasMore;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> p && items.equals(p.items) && Objects.equals(nextCursor, p.nextCursor)
                && hasMore == p.hasMore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, nextCursor, hasMore);
    }

    @Override
    public String toString() {
        return "Page[items=" + items + ", nextCursor=" + nextCursor + ", hasMore=" + hasMore + "]";
    }
}
