package ai.letta.code.testkit.fake;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Cursor paging over an oldest-first list, as the Letta API pages: by item id, {@code before} = older. */
final class Paging {

    private Paging() {}

    /**
     * @param oldestFirst all items, oldest first
     * @param id an item's id
     * @param request which page
     * @param <T> the item type
     * @return the page; an unknown cursor gives an empty page
     */
    static <T> Page<T> page(List<T> oldestFirst, Function<T, String> id, PageRequest request) {
        int from = 0;
        int to = oldestFirst.size();
        if (request.before().isPresent()) {
            to = indexOf(oldestFirst, id, request.before().get());
        } else if (request.after().isPresent()) {
            int index = indexOf(oldestFirst, id, request.after().get());
            from = index < 0 ? to : index + 1;
        }
        List<T> window = new ArrayList<>(oldestFirst.subList(from, Math.max(from, to)));
        if (!request.ascending()) {
            Collections.reverse(window);
        }
        boolean hasMore = window.size() > request.limit();
        List<T> items = hasMore ? window.subList(0, request.limit()) : window;
        String cursor = hasMore ? id.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, cursor, hasMore, cursor == null ? null : () -> page(oldestFirst, id,
                request.ascending() ? request.startingAfter(cursor) : request.endingBefore(cursor)));
    }

    private static <T> int indexOf(List<T> items, Function<T, String> id, String cursor) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(cursor)) {
                return i;
            }
        }
        return -1;
    }
}
