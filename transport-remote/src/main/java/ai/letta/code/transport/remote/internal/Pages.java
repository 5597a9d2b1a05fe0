package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Letta list queries ({@code limit}, {@code before}, {@code after}, {@code order}) and the pages they return. */
final class Pages {

    private Pages() {
    }

    static Map<String, Object> query(PageRequest page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", page.limit());
        page.before().ifPresent(cursor -> query.put("before", cursor));
        page.after().ifPresent(cursor -> query.put("after", cursor));
        query.put("order", page.ascending() ? "asc" : "desc");
        return query;
    }

    /**
     * @param items the items, in the requested order
     * @param page the request
     * @param id an item's id
     * @param list lists again with another request
     * @param <T> the item type
     * @return the page; its cursor is the last item's id, to pass to {@code after} (ascending) or {@code before}
     *     (descending) for the next page in the same order
     */
    static <T> Page<T> of(List<T> items, PageRequest page, Function<T, String> id,
            Function<PageRequest, Page<T>> list) {
        boolean full = items.size() >= page.limit();
        String cursor = full && !items.isEmpty() ? id.apply(items.get(items.size() - 1)) : null;
        return of(items, page, cursor, full, list);
    }

    /**
     * @param items the items, in the requested order
     * @param page the request
     * @param cursor the next page's cursor, or {@code null}
     * @param more whether more items follow
     * @param list lists again with another request
     * @param <T> the item type
     * @return the page, fetching the next one in the same order
     */
    static <T> Page<T> of(List<T> items, PageRequest page, String cursor, boolean more,
            Function<PageRequest, Page<T>> list) {
        return new Page<>(items, cursor, more, cursor == null ? null
                : () -> list.apply(page.ascending() ? page.startingAfter(cursor) : page.endingBefore(cursor)));
    }
}
