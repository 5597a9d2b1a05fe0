package ai.letta.code.api.conversation;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items the items, in the order asked for
 * @param nextCursor the cursor for the next page (pass to {@link PageRequest#after} or {@link PageRequest#before}
 *     in the same direction), or {@code null} when there is none
 * @param hasMore whether more items follow
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor, boolean hasMore) {
    /** Copies the items. */
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** @return the next page's cursor, if there is one */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
