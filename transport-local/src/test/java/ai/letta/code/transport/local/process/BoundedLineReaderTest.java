package ai.letta.code.transport.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.FrameTooLongException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    /** Delivers the input in the given chunk sizes, as a pipe does. */
    private static InputStream split(String text, int... cuts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<InputStream> parts = new java.util.ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            parts.add(new ByteArrayInputStream(Arrays.copyOfRange(bytes, from, cut)));
            from = cut;
        }
        parts.add(new ByteArrayInputStream(Arrays.copyOfRange(bytes, from, bytes.length)));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    @Test
    void linesSplitAcrossReadsAndMultiByteCharactersArriveWhole() throws Exception {
        String text = "{\"a\":\"héllo 🌍\"}\r\n{\"b\":2}\n";
        // Cut inside the emoji and between \r and \n.
        BoundedLineReader reader = new BoundedLineReader(split(text, 3, 12, 20, 21), 1024);
        assertThat(reader.readLine()).isEqualTo("{\"a\":\"héllo 🌍\"}");
        assertThat(reader.readLine()).isEqualTo("{\"b\":2}");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aPartialLastLineIsReturnedAtEndOfStream() throws Exception {
        BoundedLineReader reader = new BoundedLineReader(split("one\n{\"partial", 2), 1024);
        assertThat(reader.readLine()).isEqualTo("one");
        assertThat(reader.readLine()).isEqualTo("{\"partial");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void anOversizedLineIsSkippedWithATypedErrorAndReadingGoesOn() throws Exception {
        String huge = "x".repeat(5000);
        BoundedLineReader reader = new BoundedLineReader(split("ok\n" + huge + "\nnext\n", 100, 3000), 1000);
        assertThat(reader.readLine()).isEqualTo("ok");
        assertThatThrownBy(reader::readLine).isInstanceOf(FrameTooLongException.class)
                .hasMessageContaining("5000 bytes").hasMessageContaining("LocalOptions.maxLineBytes")
                .satisfies(e -> assertThat(((FrameTooLongException) e).limitBytes()).isEqualTo(1000));
        assertThat(reader.readLine()).isEqualTo("next");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aLineExactlyAtTheCapPasses() throws Exception {
        BoundedLineReader reader = new BoundedLineReader(split("y".repeat(1000) + "\n"), 1000);
        assertThat(reader.readLine()).hasSize(1000);
    }

    @Test
    void anOversizedLastLineWithoutNewlineFailsThenEnds() throws Exception {
        BoundedLineReader reader = new BoundedLineReader(split("z".repeat(3000)), 1000);
        assertThatThrownBy(reader::readLine).isInstanceOf(FrameTooLongException.class);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aSixtyFourMebibyteLineFitsTheDefaultCap() throws Exception {
        byte[] line = new byte[64 * 1024 * 1024 + 1];
        Arrays.fill(line, (byte) 'a');
        line[line.length - 1] = '\n';
        BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(line), 512 * 1024 * 1024);
        assertThat(reader.readLine()).hasSize(64 * 1024 * 1024);
        assertThat(reader.readLine()).isNull();
    }
}
