package ai.letta.code.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import org.junit.jupiter.api.Test;

class LineTailTest {

    @Test
    void keepsTheLastLinesShortenedAndSaysHowManyWereDropped() {
        LineTail tail = new LineTail(2, 4);
        assertThat(tail.isEmpty()).isTrue();
        assertThat(tail.text("  ")).isEmpty();
        tail.add("one");
        tail.add("two");
        tail.add("three");
        assertThat(tail.isEmpty()).isFalse();
        assertThat(tail.text("  ")).isEqualTo("  (1 earlier lines dropped)\n  two\n  thre…");
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> new LineTail(0, 10)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxLines");
    }
}
