package ai.letta.code.api.conversation;

import ai.letta.code.api.exception.IllegalUseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextCursor;
    private final boolean hasMore;
    private final Supplier<Page<T>> next;

    /**
     * A page that cannot fetch the next one itself ({@link #autoPager()} stops with an exception if more follow).
     *
     * @param items the items, in the order asked for ({@code null} for none)
     * @param nextCursor the cursor for the next page, or {@code null} when there is none
     * @param hasMore whether more items follow
     */
    public Page(List<T> items, String nextCursor, boolean hasMore) {
        this(items, nextCursor, hasMore, null);
    }

    /**
     * @param items the items, in the order asked for ({@code null} for none)
     * @param nextCursor the cursor for the next page, or {@code null} when there is none
     * @param hasMore whether more items follow
     * @param next fetches the next page, in the same order with the same filters, when it is asked for
     *     ({@code null} if this page cannot)
     */
    public Page(List<T> items, String nextCursor, boolean hasMore, Supplier<Page<T>> next) {
        this.items = items == null ? List.of() : List.copyOf(items);
        this.nextCursor = nextCursor;
        this.hasMore = hasMore;
        this.next = next;
    }

    /**
     * Every item from this page on as a sequential stream, as lazy as {@link #autoPager()}: a short-circuiting
     * operation ({@code limit}, {@code findFirst}, {@code anyMatch}) fetches no page beyond what it reads.
     *
     * <pre>{@code
     * List<String> names = client.agents().list(PageRequest.first(50)).stream()
     *         .map(agent -> agent.name().orElse(agent.id())).limit(200).toList();
     * }</pre>
     *
     * @return this page's items, then those of the pages after it
     */
    public Stream<T> stream() {
        return StreamSupport.stream(autoPager().spliterator(), false);
    }

    /**
     * Every item from this page on, lazily: the next page is fetched when this one's items are used up, so a loop
     * that breaks early fetches no more. Each fetch may throw what the listing throws.
     *
     * <pre>{@code
     * for (AgentInfo agent : client.agents().list(PageRequest.first(50)).autoPager()) {
     *     System.out.println(agent.id());
     * }
     * }</pre>
     *
     * @return this page's items, then those of the pages after it
     */
    public Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items.size()) {
                    if (!page.hasMore) {
                        return false;
                    }
                    if (page.next == null) {
                        throw new IllegalUseException("this page says more items follow but was made without a"
                                + " way to fetch them; list again from its nextCursor()");
                    }
                    Page<T> following = page.next.get();
                    // A server that answers an empty page or the same cursor again would loop forever.
                    boolean stuck = following.items.isEmpty()
                            || Objects.equals(following.nextCursor, page.nextCursor) && following.hasMore;
                    page = stuck ? new Page<>(following.items, null, false) : following;
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items.get(index++);
            }
        };
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
