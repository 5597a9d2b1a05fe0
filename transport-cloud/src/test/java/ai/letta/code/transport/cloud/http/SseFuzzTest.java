package ai.letta.code.transport.cloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.testkit.fuzz.JsonMutator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the {@code text/event-stream} decoder (issue 12) with bodies framed the many ways the standard allows
 * (each line ending, comments, names, ids, data split over lines) around mutated Letta messages, and with byte
 * damage. Invariants: the decoder throws nothing but the SDK's {@link FrameTooLongException}; where the events
 * are, whatever the chunks the body arrives in; and a body framed without damage decodes to exactly the events
 * it was framed from. {@code -Dletta.fuzz.cases=1000000} is the full run; CI runs the default.
 */
class SseFuzzTest {
    private static final int CASES = Integer.getInteger("letta.fuzz.cases", 10_000);
    private static final long SEED = Long.getLong("letta.fuzz.seed", 20261203L);
    static final List<String> LETTA_MESSAGES = List.of(
            "{\"message_type\":\"assistant_message\",\"id\":\"message-1\",\"run_id\":\"run-1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"Hel\"}],\"date\":\"2026-12-03T00:00:00Z\"}",
            "{\"message_type\":\"assistant_message\",\"id\":\"message-1\",\"content\":\"lo\"}",
            "{\"message_type\":\"reasoning_message\",\"id\":\"message-2\",\"reasoning\":\"thinking\"}",
            "{\"message_type\":\"tool_call_message\",\"id\":\"message-3\",\"tool_call\":{\"name\":\"web_search\","
                    + "\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\",\"tool_call_id\":\"call-1\"}}",
            "{\"message_type\":\"approval_request_message\",\"id\":\"message-4\",\"tool_calls\":[{\"name\":\"Bash\","
                    + "\"arguments\":\"{}\",\"tool_call_id\":\"call-2\"},{\"name\":\"Read\",\"arguments\":\"{}\","
                    + "\"tool_call_id\":\"call-3\"}]}",
            "{\"message_type\":\"tool_return_message\",\"id\":\"message-5\",\"tool_call_id\":\"call-1\","
                    + "\"status\":\"success\",\"tool_return\":\"ok\"}",
            "{\"message_type\":\"tool_return_message\",\"id\":\"message-6\",\"tool_returns\":[{\"tool_call_id\":"
                    + "\"call-2\",\"status\":\"error\",\"tool_return\":\"denied\"}]}",
            "{\"message_type\":\"error_message\",\"error_type\":\"llm_error\",\"message\":\"overloaded\"}",
            "{\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
            "{\"message_type\":\"usage_statistics\",\"prompt_tokens\":3,\"completion_tokens\":4,"
                    + "\"total_tokens\":7,\"step_count\":1,\"run_ids\":[\"run-1\"]}",
            "{\"message_type\":\"ping\"}",
            "{\"message_type\":\"hidden_reasoning_message\",\"id\":\"message-7\",\"state\":\"redacted\"}");

    @Test
    void decodingHoldsItsInvariantsOnFuzzedBodies() {
        Random random = new Random(SEED);
        SseBodies bodies = new SseBodies(new JsonMutator(LETTA_MESSAGES, random), random);
        int events = 0;
        int refused = 0;
        int damaged = 0;
        for (int i = 0; i < CASES; i++) {
            SseBodies.Body body = bodies.next();
            int cap = random.nextInt(8) == 0 ? 4096 : 1 << 20;
            String at = "case " + i + " (seed " + SEED + ")";
            List<SseEvent> whole;
            try {
                whole = ReplayedEventSources.decode(body.bytes(), cap);
            } catch (FrameTooLongException e) {
                refused++;
                assertThat(split(body.bytes(), random, cap)).as("chunked refusal at %s", at).isNull();
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("decoding threw outside the SDK's exception tree at " + at, e);
            }
            assertThat(split(body.bytes(), random, cap)).as("chunked decoding at %s", at).isEqualTo(whole);
            if (body.damaged()) {
                damaged++;
            } else {
                assertThat(whole).as("round trip at %s", at).isEqualTo(body.events());
            }
            events += whole.size();
        }
        System.out.printf("SseFuzzTest: %d bodies (%d damaged), %d events, %d refused over the cap%n", CASES,
                damaged, events, refused);
        assertThat(events).isPositive();
        assertThat(refused).isPositive();
    }

    /** The events of the body fed in random chunks, or {@code null} if the decoder refused it. */
    private static List<SseEvent> split(byte[] body, Random random, int cap) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int size = 1 + random.nextInt(Math.min(body.length - at, random.nextBoolean() ? 3 : 4096));
            byte[] chunk = new byte[size];
            System.arraycopy(body, at, chunk, 0, size);
            chunks.add(chunk);
            at += size;
        }
        try (EventSource source = ReplayedEventSources.of(chunks, cap)) {
            List<SseEvent> events = new ArrayList<>();
            for (SseEvent event = source.next(); event != null; event = source.next()) {
                events.add(event);
            }
            return events;
        } catch (FrameTooLongException e) {
            return null;
        }
    }

    /** Bodies of server-sent events around mutated messages, with what they should decode to. */
    static final class SseBodies {
        private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

        private final JsonMutator mutator;
        private final Random random;
        private boolean afterCr;

        SseBodies(JsonMutator mutator, Random random) {
            this.mutator = mutator;
            this.random = random;
        }

        /** A framed body; one in ten is then damaged at the byte level. */
        Body next() {
            StringBuilder wire = new StringBuilder();
            List<SseEvent> events = new ArrayList<>();
            String lastId = null;
            int count = 1 + random.nextInt(6);
            for (int e = 0; e < count; e++) {
                String data = e == count - 1 && random.nextBoolean() ? "[DONE]" : utf8(mutator.next());
                if (random.nextInt(4) == 0) {
                    line(wire, ": keep-alive");
                }
                String name = random.nextInt(8) == 0 ? (random.nextBoolean() ? "error" : "cancelled") : null;
                if (name != null) {
                    line(wire, "event: " + name);
                }
                if (random.nextInt(3) == 0) {
                    lastId = Integer.toString(random.nextInt(1000));
                    line(wire, "id: " + lastId);
                }
                List<String> parts = cut(data);
                for (String part : parts) {
                    line(wire, "data: " + part);
                }
                line(wire, "");
                events.add(new SseEvent(name, String.join("\n", parts), lastId));
            }
            byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0) {
                return new Body(damage(bytes), List.of(), true);
            }
            return new Body(bytes, events, false);
        }

        /** The text as it survives UTF-8 (a lone surrogate does not), without line breaks. */
        private static String utf8(String text) {
            String encodable = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return encodable.replace('\r', ' ').replace('\n', ' ');
        }

        private void line(StringBuilder wire, String text) {
            // A CR then an empty line's LF would read as one CRLF: the empty line would vanish.
            String end = afterCr && text.isEmpty() ? "\r" : LINE_ENDS[random.nextInt(LINE_ENDS.length)];
            afterCr = end.equals("\r");
            wire.append(text).append(end);
        }

        private List<String> cut(String data) {
            List<String> parts = new ArrayList<>();
            int at = 0;
            while (random.nextInt(4) == 0 && at < data.length()) {
                int end = at + random.nextInt(data.length() - at + 1);
                if (end < data.length() && Character.isLowSurrogate(data.charAt(end))) {
                    end++; // a cut between a surrogate pair would leave two halves UTF-8 cannot carry
                }
                parts.add(data.substring(at, end));
                at = end;
            }
            parts.add(data.substring(at));
            return parts;
        }

        private byte[] damage(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte b : bytes) {
                int roll = random.nextInt(200);
                if (roll == 0) {
                    continue;
                }
                out.write(roll == 1 ? random.nextInt(256) : b);
                if (roll == 2) {
                    out.write("\r\n\n:\0".charAt(random.nextInt(5)));
                }
            }
            return out.toByteArray();
        }

        /** A body, the events it was framed from, and whether it was damaged after framing. */
        record Body(byte[] bytes, List<SseEvent> events, boolean damaged) {
        }
    }
}
