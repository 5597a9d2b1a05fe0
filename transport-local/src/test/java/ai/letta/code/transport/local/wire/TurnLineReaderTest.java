package ai.letta.code.transport.local.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.fuzz.JsonMutator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-pass read of a turn's lines ({@link TurnLineReader}) decodes exactly as the tree of the whole line does,
 * on real CLI lines and on structure-aware mutations of them (duplicate, reordered, retyped and dropped fields,
 * broken syntax): the same message, and the same tree when one is asked for.
 */
class TurnLineReaderTest {
    private static final int CASES = 2_000;

    private static final List<String> SEEDS = List.of(
            "{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"ui-msg-6:assistant:1\","
                    + "\"date\":\"2026-11-23T07:00:00.000Z\",\"content\":[{\"type\":\"text\",\"text\":\"po\"}],"
                    + "\"run_id\":\"local-run-1\",\"seq_id\":4,\"session_id\":\"agent-local-1\",\"uuid\":\"5f0c\","
                    + "\"event_seq\":12,\"agent_id\":\"agent-local-1\",\"conversation_id\":\"local-conv-1\"}",
            "{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"a1\",\"content\":\"hi\"}",
            "{\"type\":\"message\",\"message_type\":\"reasoning_message\",\"id\":\"r\",\"reasoning\":\"hm\","
                    + "\"content\":[{\"text\":\"x\"}],\"run_id\":\"r1\"}",
            "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_call\":{\"name\":\"Bash\","
                    + "\"tool_call_id\":\"call_fake_1\",\"arguments\":\"{\\\"command\\\": \\\"ls\\\"}\"},"
                    + "\"run_id\":\"local-run-1\",\"session_id\":\"agent-local-1\",\"uuid\":\"a1\"}",
            "{\"type\":\"message\",\"message_type\":\"approval_request_message\",\"tool_calls\":[{\"index\":0,"
                    + "\"id\":\"c3\",\"function\":{\"name\":\"Write\",\"arguments\":{\"file_path\":\"/x\"}}}]}",
            "{\"type\":\"message\",\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                    + "\"tool_return\":[{\"type\":\"text\",\"text\":\"ok\"}],\"status\":\"success\"}",
            "{\"type\":\"message\",\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
            "{\"type\":\"stream_event\",\"event\":{\"message_type\":\"assistant_message\",\"id\":\"a1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"lo\"},\"!\"]},\"uuid\":\"u\"}",
            "{\"type\":\"result\",\"subtype\":\"success\",\"duration_ms\":218,\"duration_api_ms\":0,\"num_turns\":2,"
                    + "\"result\":\"tool said: ok\",\"agent_id\":\"agent-local-1\",\"conversation_id\":\"local-conv-1\","
                    + "\"run_ids\":[\"r1\",2],\"usage\":null,\"uuid\":\"r1\"}",
            "{\"type\":\"result\",\"subtype\":\"error\",\"result\":null,\"stop_reason\":\"error\","
                    + "\"duration_ms\":12.5,\"num_turns\":\"3\"}");

    @Test
    void decodesMutatedTurnLinesAsTheTreeOfTheWholeLineDoes() {
        NdjsonCodec codec = new NdjsonCodec();
        TurnLineReader reader = new TurnLineReader(JsonMapper.builder().build());
        JsonMutator mutator = new JsonMutator(SEEDS, new Random(20261204L));
        int onePass = 0;
        for (String seed : SEEDS) {
            assertThat(reader.read(seed)).as("read in one pass: %s", seed).isNotNull();
        }
        for (int i = 0; i < CASES; i++) {
            String line = i < SEEDS.size() ? SEEDS.get(i) : mutator.next();
            WireMessage.Decoded whole = codec.decodeWholeTree(line);
            WireMessage.Decoded decoded = codec.decode(line);
            if (!decoded.message().equals(whole.message()) || !Objects.equals(decoded.tree(), whole.tree())) {
                assertThat(decoded.message()).as("case %d: %s", i, line).isEqualTo(whole.message());
                assertThat(decoded.tree()).as("tree of case %d: %s", i, line).isEqualTo(whole.tree());
            }
            if (reader.read(line) != null) {
                onePass++;
            }
        }
        assertThat(onePass).as("lines read in one pass").isGreaterThan(CASES / 4);
    }
}
