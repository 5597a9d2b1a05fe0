package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.MalformedFrameException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void decodesTheEnvelopeAndKeepsUnknownFields() {
        ServerFrame frame = codec.decode("{\"type\":\"stream_delta\",\"runtime\":{\"agent_id\":\"agent-1\","
                + "\"conversation_id\":\"default\"},\"event_seq\":3,\"brand_new\":{\"x\":1},"
                + "\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"m\",\"content\":\"hi\",\"future\":1}}");
        assertThat(frame.type()).isEqualTo("stream_delta");
        assertThat(frame.runtime()).isEqualTo(new RuntimeKey("agent-1", "default"));
        assertThat(frame.isResponse()).isFalse();
        WireDelta delta = codec.read(frame.json().get("delta"), WireDelta.class);
        assertThat(delta.kind()).isEqualTo("assistant_message");
        assertThat(delta.contentText()).isEqualTo("hi");
        assertThat(frame.delta()).usingRecursiveComparison().isEqualTo(delta); // bound in the one pass alike
    }

    @Test
    void responsesReportSuccessFromSuccessOrAccepted() {
        assertThat(codec.decode("{\"type\":\"input_accepted\",\"request_id\":\"in-1\",\"accepted\":false,"
                + "\"error\":\"nope\"}").succeeded()).isFalse();
        ServerFrame ok = codec.decode("{\"type\":\"list_models_response\",\"request_id\":\"m-1\",\"success\":true}");
        assertThat(ok.isResponse()).isTrue();
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.requestId()).isEqualTo("m-1");
        assertThat(ok.runtime()).isNull();
        assertThat(codec.decode("{}").type()).isEmpty();
    }

    @Test
    void rejectsTextThatIsNotAJsonObjectQuotingATruncatedFragment() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("{not json");
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> codec.decode("x".repeat(5000))).isInstanceOf(MalformedFrameException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    /** Issue 12 item 5: the quote reaches exception messages and the WARNING log, so it carries no credential. */
    @Test
    void theQuotedFragmentHidesCredentials() {
        assertThatThrownBy(() -> codec.decode("{\"url\":\"wss://u:hunter2@h/ws?token=s3cr3t\",\"api_key\":\"sk-let-abcdefgh12\""))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("wss://****@h/ws?token=****")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("s3cr3t")
                .hasMessageNotContaining("abcdefgh12");
    }

    @Test
    void contentPartsAndStringsReadAsText() {
        ServerFrame frame = codec.decode("{\"a\":[{\"type\":\"text\",\"text\":\"x\"},{\"type\":\"text\","
                + "\"text\":\"y\"}],\"b\":null}");
        assertThat(Json.content(frame.json().get("a"))).isEqualTo("xy");
        assertThat(Json.content(frame.json().get("b"))).isEmpty();
        assertThat(Json.text(frame.json(), "missing")).isNull();
    }

    @Test
    void encodesCommandsAndParsesToolArguments() {
        assertThat(codec.encode(Map.of("type", "abort_message"))).isEqualTo("{\"type\":\"abort_message\"}");
        assertThat(codec.parseObject("{\"command\":\"ls\"}")).containsEntry("command", "ls");
        assertThat(codec.parseObject("{\"command\":")).isNull();
        assertThat(codec.parseObject("[]")).isNull();
    }

    @Test
    void aRawCommandValueJacksonCannotWriteIsAConfigurationError() {
        assertThatThrownBy(() -> codec.encode(Map.of("type", "x", "payload", new Unwritable())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("plain Java values");
    }

    /** A bean whose property cannot be read, so Jackson cannot write it. */
    public static final class Unwritable {
        /** @return never */
        public String getValue() {
            throw new UnsupportedOperationException("not readable");
        }
    }
}
