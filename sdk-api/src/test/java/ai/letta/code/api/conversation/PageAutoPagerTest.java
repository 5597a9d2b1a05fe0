package ai.letta.code.api.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.IllegalUseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageAutoPagerTest {

    /** Pages of two over 1..n, counting fetches. */
    private static Page<Integer> pageFrom(int first, int n, AtomicInteger fetches) {
        List<Integer> items = new ArrayList<>();
        for (int i = first; i <= Math.min(n, first + 1); i++) {
            items.add(i);
        }
        boolean more = first + 1 < n;
        String cursor = more ? String.valueOf(first + 1) : null;
        return new Page<>(items, cursor, more, more ? () -> {
            fetches.incrementAndGet();
            return pageFrom(first + 2, n, fetches);
        } : null);
    }

    @Test
    void iteratesEveryPageInOrder() {
        AtomicInteger fetches = new AtomicInteger();
        List<Integer> all = new ArrayList<>();
        pageFrom(1, 7, fetches).autoPager().forEach(all::add);
        assertThat(all).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void fetchesNothingBeyondWhatTheLoopReads() {
        AtomicInteger fetches = new AtomicInteger();
        for (int item : pageFrom(1, 100, fetches).autoPager()) {
            if (item == 3) {
                break;
            }
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aStreamIsAsLazyAsTheAutoPager() {
        AtomicInteger fetches = new AtomicInteger();
        assertThat(pageFrom(1, 100, fetches).stream().filter(i -> i % 2 == 0).limit(2)).containsExactly(2, 4);
        assertThat(fetches).as("pages fetched for items 1..4").hasValue(1);

        assertThat(pageFrom(1, 7, fetches).stream().mapToInt(Integer::intValue).sum()).isEqualTo(28);
    }

    @Test
    void aPageThatRepeatsItsCursorEndsTheIteration() {
        Page<String>[] loop = new Page[1];
        loop[0] = new Page<>(List.of("a"), "a", true, () -> loop[0]);
        List<String> seen = new ArrayList<>();
        loop[0].autoPager().forEach(seen::add);
        assertThat(seen).containsExactly("a", "a");
    }

    @Test
    void anEmptyFollowingPageEndsTheIteration() {
        Page<String> page = new Page<>(List.of("a"), "a", true, () -> new Page<>(List.of(), "x", true, () -> {
            throw new AssertionError("fetched past an empty page");
        }));
        assertThat(page.autoPager()).containsExactly("a");
    }

    @Test
    void aPageWithoutAFetcherSaysSoWhenMoreFollow() {
        Page<String> page = new Page<>(List.of("a"), "a", true);
        var iterator = page.autoPager().iterator();
        assertThat(iterator.next()).isEqualTo("a");
        assertThatThrownBy(iterator::hasNext).isInstanceOf(IllegalUseException.class).hasMessageContaining("nextCursor");
    }

    @Test
    void aLastPageWithoutAFetcherJustEnds() {
        assertThat(new Page<>(List.of("a", "b"), null, false).autoPager()).containsExactly("a", "b");
    }
}
