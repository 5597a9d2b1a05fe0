package ai.letta.code.transport.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.testkit.fuzz.JsonMutator;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import ai.letta.code.transport.local.wire.WireMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the stdio decoder and the mapping behind it (NDJSON line → wire record → events) with structure-aware
 * mutations of real CLI lines (issue 12). Invariants: decoding never throws; mapping throws nothing outside the SDK's
 * exception tree; every permission request is answered exactly once (asked of the user, or denied to the CLI), and
 * every other control request gets a reply. {@code -Dletta.fuzz.cases=1000000} is the full run (the README's
 * {@code -Pfuzz} profile); CI runs the default.
 */
class NdjsonFuzzTest {
    private static final int CASES = Integer.getInteger("letta.fuzz.cases", 20_000);
    private static final long SEED = Long.getLong("letta.fuzz.seed", 20261202L);
    /** A mapper lives for a session: lines come in runs, so state carried between lines is fuzzed too. */
    private static final int LINES_PER_SESSION = 40;

    static final List<String> SEEDS = List.of(
            "{\"type\":\"system\",\"subtype\":\"init\",\"agent_id\":\"agent-1\",\"session_id\":\"agent-1\","
                    + "\"conversation_id\":\"conv-1\",\"model\":\"m\",\"tools\":[\"Bash\"],\"cwd\":\"/w\"}",
            "{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"a1\",\"run_id\":\"r1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"hel\"}]}",
            "{\"type\":\"message\",\"message_type\":\"reasoning_message\",\"id\":\"r\",\"reasoning\":\"hm\","
                    + "\"run_id\":\"r1\"}",
            "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"run_id\":\"r1\",\"tool_calls\":"
                    + "[{\"index\":0,\"id\":\"c1\",\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}]}",
            "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_call\":{\"name\":\"Bash\","
                    + "\"arguments\":\"{}\",\"tool_call_id\":\"c2\"}}",
            "{\"type\":\"message\",\"message_type\":\"approval_request_message\",\"tool_calls\":[{\"id\":\"c3\","
                    + "\"name\":\"Write\",\"arguments\":\"{\\\"file_path\\\":\\\"/x\\\"}\"}]}",
            "{\"type\":\"message\",\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                    + "\"tool_return\":\"ok\",\"status\":\"success\"}",
            "{\"type\":\"message\",\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
            "{\"type\":\"message\",\"message_type\":\"usage_statistics\",\"total_tokens\":12,\"step_count\":1}",
            "{\"type\":\"stream_event\",\"event\":{\"message_type\":\"assistant_message\",\"id\":\"a1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"lo\"}]}}",
            "{\"type\":\"control_request\",\"request_id\":\"perm-1\",\"request\":{\"subtype\":\"can_use_tool\","
                    + "\"tool_name\":\"Bash\",\"tool_call_id\":\"c1\",\"input\":{\"command\":\"ls\"},"
                    + "\"permission_suggestions\":[{\"type\":\"addRules\"}],\"blocked_path\":null}}",
            "{\"type\":\"control_request\",\"request_id\":\"x9\",\"request\":{\"subtype\":\"execute_external_tool\","
                    + "\"tool_name\":\"t\"}}",
            "{\"type\":\"control_response\",\"response\":{\"subtype\":\"success\",\"request_id\":\"i-1\","
                    + "\"response\":{}}}",
            "{\"type\":\"queue_item_enqueued\",\"item_id\":\"q-1\",\"client_message_id\":\"cm-1\","
                    + "\"source\":\"user\",\"kind\":\"message\",\"content\":\"next\"}",
            "{\"type\":\"queue_batch_dequeued\",\"batch_id\":\"b\",\"item_ids\":[\"q-1\"],\"merged_count\":1}",
            "{\"type\":\"queue_cleared\",\"reason\":\"shutdown\",\"cleared_count\":0}",
            "{\"type\":\"retry\",\"attempt\":1,\"max_attempts\":3,\"delay_ms\":100,\"reason\":\"llm_api_error\"}",
            "{\"type\":\"error\",\"message\":\"provider down\",\"stop_reason\":\"llm_api_error\",\"run_id\":\"r1\"}",
            "{\"type\":\"result\",\"subtype\":\"success\",\"result\":\"pong\",\"num_turns\":1,\"duration_ms\":5,"
                    + "\"conversation_id\":\"conv-1\",\"run_ids\":[\"r1\"]}",
            "{\"type\":\"result\",\"subtype\":\"error\",\"result\":null,\"stop_reason\":\"error\","
                    + "\"error\":{\"message\":\"boom\"}}",
            "{\"type\":\"result\",\"subtype\":\"interrupted\",\"result\":\"half\"}");

    @Test
    void decodingAndMappingHoldTheirInvariantsOnMutatedLines() {
        NdjsonCodec codec = new NdjsonCodec();
        JsonMutator mutator = new JsonMutator(SEEDS, new Random(SEED));
        int typedExceptions = 0;
        int permissionRequests = 0;
        for (int session = 0; session * LINES_PER_SESSION < CASES; session++) {
            RecordingSink sink = new RecordingSink();
            List<String> replies = new ArrayList<>();
            WireEventMapper mapper = new WireEventMapper(sink, codec, new QueueModel(), replies::add,
                    session % 2 == 0, () -> { });
            for (int i = 0; i < LINES_PER_SESSION; i++) {
                String line = mutator.next();
                String at = "case " + (session * LINES_PER_SESSION + i) + " (seed " + SEED + "): " + abbreviate(line);
                WireMessage.Decoded decoded = codec.decode(line);
                int asked = sink.permissions().size();
                int replied = replies.size();
                try {
                    mapper.accept(decoded);
                } catch (LettaCodeException e) {
                    typedExceptions++;
                } catch (RuntimeException e) {
                    throw new AssertionError("mapping threw outside the SDK's exception tree at " + at, e);
                }
                if (decoded.message() instanceof WireMessage.ControlRequest r && r.requestId() != null) {
                    int answers = (sink.permissions().size() - asked) + (replies.size() - replied);
                    assertThat(answers).as("answers to %s at %s", r.requestId(), at).isEqualTo(1);
                    permissionRequests++;
                }
            }
        }
        System.out.printf("NdjsonFuzzTest: %d lines, %d control requests answered once, %d typed exceptions%n",
                CASES, permissionRequests, typedExceptions);
        assertThat(permissionRequests).isPositive();
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
