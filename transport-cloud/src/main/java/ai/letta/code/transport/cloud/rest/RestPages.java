package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.transport.cloud.http.ApiRequest;
import java.util.List;
import java.util.function.Function;

/**
 * Letta list queries and the pages they return, as the remote backend pages ({@code Pages} there): the cursors go
 * to the server as given, relative to the order asked for (Letta's own cursor semantics), and a page's cursor is
 * its last item's id. The REST lists carry no {@code has_more}, so a full page says more may follow.
 */
final class RestPages {

    private RestPages() {
    }

    static ApiRequest.Builder query(ApiRequest.Builder request, PageRequest page) {
        return request.query("limit", page.limit()).query("before", page.before().orElse(null)).query("after", page.after().orElse(null))
                .query("order", page.ascending() ? "asc" : "desc");
    }

    /**
     * @param list lists again with another request: the next page is {@code after} the cursor, in the same order
     */
    static <T> Page<T> of(List<T> items, PageRequest page, Function<T, String> id,
            Function<PageRequest, Page<T>> list) {
        boolean full = items.size() >= page.limit();
        String cursor = full && !items.isEmpty() ? id.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, cursor, full && cursor != null,
                cursor == null ? null : () -> list.apply(page.startingAfter(cursor)));
    }

    /** A JSON array the server may answer as {@code null}. */
    static <T> List<T> items(T[] answer) {
        return answer == null ? List.of() : java.util.Arrays.stream(answer).filter(x -> x != null).toList();
    }
}
