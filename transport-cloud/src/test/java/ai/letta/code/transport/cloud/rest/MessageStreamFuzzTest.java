package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.testkit.fuzz.JsonMutator;
import ai.letta.code.transport.cloud.http.ReplayedEventSources;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the Letta API's message stream end to end below the socket (issue 12): SSE bytes of mutated Letta
 * messages through the real decoder and event source into {@link RestMessageStream} and {@link MessageDecoding}.
 * Invariants: reading, collecting and describing the stream throw nothing outside the SDK's exception tree, every
 * event it yields is a whole {@link SessionEvent}, and reading ends (no event after the end, no second cancel).
 * {@code -Dletta.fuzz.cases=1000000} is the full run; CI runs the default.
 */
class MessageStreamFuzzTest {
    private static final int CASES = Integer.getInteger("letta.fuzz.cases", 10_000);
    private static final long SEED = Long.getLong("letta.fuzz.seed", 20261203L);
    private static final List<String> MESSAGES = List.of(
            "{\"message_type\":\"assistant_message\",\"id\":\"message-1\",\"run_id\":\"run-1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"Hel\"}]}",
            "{\"message_type\":\"assistant_message\",\"id\":\"message-1\",\"content\":\"lo\"}",
            "{\"message_type\":\"reasoning_message\",\"id\":\"message-2\",\"reasoning\":\"thinking\"}",
            "{\"message_type\":\"tool_call_message\",\"id\":\"message-3\",\"tool_call\":{\"name\":\"web_search\","
                    + "\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\",\"tool_call_id\":\"call-1\"}}",
            "{\"message_type\":\"approval_request_message\",\"id\":\"message-4\",\"tool_calls\":[{\"name\":\"Bash\","
                    + "\"arguments\":\"{}\",\"tool_call_id\":\"call-2\"}]}",
            "{\"message_type\":\"tool_return_message\",\"id\":\"message-5\",\"tool_call_id\":\"call-1\","
                    + "\"status\":\"success\",\"tool_return\":\"ok\"}",
            "{\"message_type\":\"tool_return_message\",\"id\":\"message-6\",\"tool_returns\":[{\"tool_call_id\":"
                    + "\"call-2\",\"status\":\"error\",\"tool_return\":\"denied\",\"stdout\":[\"a\"]}]}",
            "{\"message_type\":\"error_message\",\"error_type\":\"llm_error\",\"message\":\"overloaded\","
                    + "\"detail\":\"x\"}",
            "{\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
            "{\"message_type\":\"usage_statistics\",\"prompt_tokens\":3,\"completion_tokens\":4,"
                    + "\"total_tokens\":7,\"step_count\":1,\"run_ids\":[\"run-1\"]}",
            "{\"message_type\":\"ping\"}");

    @Test
    void readingAStreamOfMutatedMessagesHoldsItsInvariants() {
        Random random = new Random(SEED);
        JsonMutator mutator = new JsonMutator(MESSAGES, random);
        int events = 0;
        int typedFailures = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] body = body(mutator, random);
            String at = "case " + i + " (seed " + SEED + ")";
            try {
                events += read(body, at);
            } catch (LettaCodeException e) {
                typedFailures++;
                assertThat(e.getMessage()).as("message at %s", at).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("reading threw outside the SDK's exception tree at " + at, e);
            }
            try {
                MessageResponse collected = stream(body, new AtomicInteger()).collect();
                assertThat(collected.messages()).as("collected at %s", at).doesNotContainNull();
            } catch (LettaCodeException e) {
                // typed, as reading it was
            } catch (RuntimeException e) {
                throw new AssertionError("collecting threw outside the SDK's exception tree at " + at, e);
            }
        }
        System.out.printf("MessageStreamFuzzTest: %d streams, %d events, %d typed failures%n", CASES, events,
                typedFailures);
        assertThat(events).isPositive();
        assertThat(typedFailures).isPositive();
    }

    private static int read(byte[] body, String at) {
        AtomicInteger cancels = new AtomicInteger();
        RestMessageStream stream = stream(body, cancels);
        List<SessionEvent> events = new ArrayList<>();
        try {
            for (SessionEvent event : stream) {
                assertThat(event).as("event at %s", at).isNotNull();
                assertThat(event.toString()).isNotNull();
                events.add(event);
            }
            assertThat(stream.iterator().hasNext()).as("ended at %s", at).isFalse();
        } finally {
            assertThat(stream.toString()).isNotNull();
            stream.cancel();
            stream.cancel();
            assertThat(cancels.get()).as("server cancels at %s", at).isEqualTo(1);
        }
        return events.size();
    }

    private static RestMessageStream stream(byte[] body, AtomicInteger cancels) {
        return new RestMessageStream(ReplayedEventSources.of(List.of(body), 1 << 20), "a fuzzed stream",
                (Optional<String> runId) -> cancels.incrementAndGet());
    }

    private static byte[] body(JsonMutator mutator, Random random) {
        StringBuilder wire = new StringBuilder();
        int count = 1 + random.nextInt(8);
        for (int e = 0; e < count; e++) {
            if (random.nextInt(12) == 0) {
                wire.append("event: ").append(random.nextBoolean() ? "error" : "cancelled").append('\n');
            }
            wire.append("data: ").append(mutator.next().replace('\r', ' ').replace('\n', ' ')).append("\n\n");
        }
        if (random.nextInt(4) != 0) {
            wire.append("data: [DONE]\n\n");
        }
        return wire.toString().getBytes(StandardCharsets.UTF_8);
    }
}
