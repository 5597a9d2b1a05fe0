package ai.letta.code.transport.local.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.transport.local.wire.WireMessage.ControlRequest;
import ai.letta.code.transport.local.wire.WireMessage.Message;
import ai.letta.code.transport.local.wire.WireMessage.ResultLine;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schema evolution: new fields, new types, odd shapes and garbage decode to something sensible, never throw. */
class NdjsonCodecTest {

    private final NdjsonCodec codec = new NdjsonCodec();

    @Test
    void warmUpDecodesOneLineOfEachTurnKindOnceAndThenReturnsAtOnce() {
        NdjsonCodec codec = new NdjsonCodec();

        java.util.List<WireMessage> decoded = codec.warmUp().stream().map(WireMessage.Decoded::message).toList();

        // A line the codec no longer reads as its kind would leave that kind's classes cold: the warm-up would
        // silently stop warming it.
        assertThat(decoded).extracting(m -> m.getClass().getSimpleName()).containsExactly("QueueEnqueued",
                "QueueDequeued", "Message", "Message", "Message", "Message", "ResultLine");
        assertThat(decoded).filteredOn(Message.class::isInstance).map(Message.class::cast)
                .extracting(Message::messageType, Message::text).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reasoning_message", "warm-up"),
                        org.assertj.core.groups.Tuple.tuple("assistant_message", "warm-up"),
                        org.assertj.core.groups.Tuple.tuple("tool_call_message", null),
                        org.assertj.core.groups.Tuple.tuple("stop_reason", null));
        assertThat(((Message) decoded.get(4)).toolCalls()).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("Bash"));
        assertThat(((ResultLine) decoded.get(6)).subtype()).isEqualTo("success");
        assertThat(codec.warmUp()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredAndAbsentOnesReadAsNull() {
        var init = (WireMessage.SystemInit) codec.decode("{\"type\":\"system\",\"subtype\":\"init\",\"agent_id\":"
                + "\"agent-1\",\"conversation_id\":\"c\",\"brand_new\":{\"x\":[1,2]},\"tools\":[\"Bash\"]}").message();
        assertThat(init.agentId()).isEqualTo("agent-1");
        assertThat(init.model()).isNull();
        assertThat(init.tools()).containsExactly("Bash");
    }

    @Test
    void anUnknownTypeBecomesUnknownWithTheRawLine() {
        String line = "{\"type\":\"teleport_started\",\"where\":\"mars\"}";
        assertThat(codec.decode(line).message()).isEqualTo(new WireMessage.Unknown("teleport_started", line));
        assertThat(codec.decode("{\"no_type\":1}").message()).isInstanceOf(WireMessage.Unknown.class);
        assertThat(codec.decode("{\"type\":\"system\",\"subtype\":\"reload\"}").message())
                .isEqualTo(new WireMessage.Unknown("system/reload", "{\"type\":\"system\",\"subtype\":\"reload\"}"));
    }

    @Test
    void garbageIsMalformedNotAnException() {
        assertThat(codec.decode("not json").message()).isInstanceOf(WireMessage.Malformed.class);
        assertThat(codec.decode("{\"type\":\"message\",\"message_t").message()).isInstanceOf(WireMessage.Malformed.class);
        assertThat(codec.decode("[1,2]").message()).isInstanceOf(WireMessage.Malformed.class);
        assertThat(codec.decode("42").message()).isInstanceOf(WireMessage.Malformed.class);
    }

    @Test
    void assistantContentIsAcceptedAsStringOrPartArray() {
        var s = (Message) codec.decode("{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"m\","
                + "\"content\":\"pong\"}").message();
        var a = (Message) codec.decode("{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"m\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"po\"},{\"type\":\"text\",\"text\":\"ng\"}]}").message();
        assertThat(s.text()).isEqualTo("pong");
        assertThat(a.text()).isEqualTo("pong");
    }

    @Test
    void toolCallsAreReadInEveryShape() {
        var flat = (Message) codec.decode("{\"type\":\"message\",\"message_type\":\"tool_call_message\","
                + "\"tool_call\":{\"name\":\"Bash\",\"tool_call_id\":\"c1\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}}")
                .message();
        var list = (Message) codec.decode("{\"type\":\"message\",\"message_type\":\"tool_call_message\","
                + "\"tool_calls\":[{\"id\":\"c2\",\"function\":{\"name\":\"Read\",\"arguments\":{\"path\":\"a\"}}},"
                + "{\"index\":1,\"function\":{\"arguments\":\"{\\\"pa\"}}]}").message();
        assertThat(flat.toolCalls()).containsExactly(new WireMessage.WireToolCall("c1", -1, "Bash",
                "{\"command\":\"ls\"}"));
        assertThat(list.toolCalls().get(0)).isEqualTo(new WireMessage.WireToolCall("c2", -1, "Read",
                "{\"path\":\"a\"}"));
        assertThat(list.toolCalls().get(1)).isEqualTo(new WireMessage.WireToolCall(null, 1, null, "{\"pa"));
        // Partial arguments are no object; ChunkJoiner then exposes them as {raw: …} (ChunkJoinerTest).
        assertThat(codec.object("{\"pa")).isNull();
        assertThat(codec.object("{\"command\":\"ls\",\"n\":[1]}")).isEqualTo(Map.of("command", "ls",
                "n", java.util.List.of(1)));
    }

    @Test
    void oddlyTypedResultFieldsStillEndTheTurn() {
        var r = (ResultLine) codec.decode("{\"type\":\"result\",\"subtype\":\"success\",\"duration_ms\":\"12\","
                + "\"num_turns\":null,\"result\":{\"structured\":true},\"run_ids\":\"oops\"}").message();
        assertThat(r.subtype()).isEqualTo("success");
        assertThat(r.durationMs()).isEqualTo(12);
        assertThat(r.numTurns()).isZero();
        assertThat(r.result()).isEqualTo("{\"structured\":true}");
        assertThat(r.runIds()).isEmpty();
    }

    @Test
    void canUseToolKeepsItsInputAsPlainValues() {
        var r = (ControlRequest) codec.decode("{\"type\":\"control_request\",\"request_id\":\"perm-c1\",\"request\":"
                + "{\"subtype\":\"can_use_tool\",\"tool_name\":\"Bash\",\"tool_call_id\":\"c1\",\"input\":"
                + "{\"command\":\"touch a\",\"timeout\":5},\"permission_suggestions\":[],\"blocked_path\":null,"
                + "\"diffs\":[{\"mode\":\"fallback\"}]}}").message();
        assertThat(r.requestId()).isEqualTo("perm-c1");
        assertThat(r.input()).isEqualTo(Map.of("command", "touch a", "timeout", 5));
        assertThat(r.blockedPath()).isNull();
    }

    @Test
    void outboundLinesAreOneLineEachWithTheUpstreamShapes() {
        assertThat(codec.user(UserMessage.text("a\nb"))).isEqualTo(
                "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"a\\nb\"}}");
        assertThat(codec.user(UserMessage.of(ContentPart.text("see"), ContentPart.imageBase64("image/png", "AAA"))))
                .isEqualTo("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"see\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                        + "\"image/png\",\"data\":\"AAA\"}}]}}");
        assertThat(codec.permissionAnswer("perm-1", PermissionDecision.allow())).isEqualTo(
                "{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"perm-1\","
                        + "\"response\":{\"behavior\":\"allow\",\"updatedInput\":null,\"updatedPermissions\":[]}}}");
        assertThat(codec.permissionAnswer("perm-1", PermissionDecision.denyAndInterrupt("no"))).isEqualTo(
                "{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"perm-1\","
                        + "\"response\":{\"behavior\":\"deny\",\"message\":\"no\",\"interrupt\":true}}}");
    }

    @Test
    void aRawCommandValueJacksonCannotWriteIsAConfigurationError() {
        assertThatThrownBy(() -> codec.write(Map.of("type", "x", "payload", new Unwritable())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("plain Java values");
    }

    /** A bean whose property cannot be read, so Jackson cannot write it. */
    public static final class Unwritable {
        /** @return never */
        public String getValue() {
            throw new UnsupportedOperationException("not readable");
        }
    }
}
