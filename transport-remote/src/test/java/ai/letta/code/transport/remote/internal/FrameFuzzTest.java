package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import ai.letta.code.testkit.fuzz.JsonMutator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the app-server frame decoder and the turn mapping behind it (frame → {@link TurnStream} → events), with
 * structure-aware mutations of frames shaped like CLI 0.32.18's (issue 12). Invariants: decoding throws only the
 * SDK's {@code MalformedFrameException}; mapping throws nothing outside the SDK's exception tree; every permission
 * request is answered at most once, and the first of an id exactly once (asked of the user, or denied to the peer). {@code -Dletta.fuzz.cases=1000000}
 * is the full run; CI runs the default.
 */
class FrameFuzzTest {
    private static final int CASES = Integer.getInteger("letta.fuzz.cases", 20_000);
    private static final long SEED = Long.getLong("letta.fuzz.seed", 20261202L);
    private static final int FRAMES_PER_TURN_STREAM = 40;
    static final String RT = "\"runtime\":{\"agent_id\":\"agent-1\",\"conversation_id\":\"conv-1\"}";

    static final List<String> SEEDS = List.of(
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"m1\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"Hel\"}],\"run_id\":\"r1\"}," + RT + ",\"event_seq\":3}",
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"reasoning_message\",\"id\":\"r\","
                    + "\"reasoning\":\"hm\"}," + RT + "}",
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"approval_request_message\",\"tool_call\":"
                    + "{\"tool_call_id\":\"c1\",\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"},"
                    + "\"run_id\":\"r1\"}," + RT + "}",
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                    + "\"status\":\"success\",\"tool_return\":\"out\",\"run_id\":\"r1\"}," + RT + "}",
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"user_message\",\"otid\":\"cm-2\","
                    + "\"content\":\"two\"}," + RT + "}",
            "{\"type\":\"stream_delta\",\"delta\":{\"type\":\"loop_error\",\"message\":\"agent not found\","
                    + "\"stop_reason\":\"error\"}," + RT + "}",
            "{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"usage_statistics\",\"total_tokens\":3},"
                    + RT + "}",
            "{\"type\":\"turn_finished\",\"stop_reason\":\"end_turn\",\"run_id\":\"r2\"," + RT + "}",
            "{\"type\":\"control_request\",\"request_id\":\"perm-c1\",\"request\":{\"subtype\":\"can_use_tool\","
                    + "\"tool_name\":\"Bash\",\"input\":{\"command\":\"ls\"},\"tool_call_id\":\"c1\","
                    + "\"permission_suggestions\":[],\"blocked_path\":null}," + RT + "}",
            "{\"type\":\"update_queue\",\"queue\":[{\"id\":\"q-1\",\"client_message_id\":\"cm-2\",\"kind\":"
                    + "\"message\",\"source\":\"user\",\"content\":\"two\"}],\"removed\":[]," + RT + "}",
            "{\"type\":\"update_queue\",\"queue\":[],\"removed\":[{\"client_message_id\":\"cm-2\","
                    + "\"disposition\":\"dequeued\"}]," + RT + "}");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void decodingAndMappingHoldTheirInvariantsOnMutatedFrames() {
        FrameCodec codec = new FrameCodec();
        JsonMutator mutator = new JsonMutator(SEEDS, new Random(SEED));
        int malformed = 0;
        int permissionRequests = 0;
        for (int run = 0; run * FRAMES_PER_TURN_STREAM < CASES; run++) {
            List<ToolPermissionRequest> asked = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            TurnStream stream = new TurnStream(sink(asked), codec, "conv-1", run % 2 == 0, timer,
                    new TurnStream.Timing(Duration.ofMillis(500), Duration.ofMinutes(1)), peer(denied),
                    new PendingApprovals());
            stream.expect("cm-1");
            stream.onInputAccepted("cm-1", "started");
            boolean answered = false;
            for (int i = 0; i < FRAMES_PER_TURN_STREAM; i++) {
                String text = mutator.next();
                String at = "case " + (run * FRAMES_PER_TURN_STREAM + i) + " (seed " + SEED + "): "
                        + (text.length() <= 300 ? text : text.substring(0, 300) + "…");
                ServerFrame frame;
                try {
                    frame = codec.decode(text);
                } catch (LettaCodeException e) {
                    malformed++;
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError("decoding threw outside the SDK's exception tree at " + at, e);
                }
                int answersBefore = asked.size() + denied.size();
                try {
                    stream.onFrame(frame);
                } catch (LettaCodeException e) {
                    // typed: the dispatcher logs it and goes on
                } catch (RuntimeException e) {
                    throw new AssertionError("mapping threw outside the SDK's exception tree at " + at, e);
                }
                if (isPermissionRequest(text)) {
                    // The peer repeats a request it has not seen answered (e.g. after a reconnect), which gets no
                    // second answer while the first is pending; the first of an id is always answered.
                    int answers = asked.size() + denied.size() - answersBefore;
                    assertThat(answers).as("answers at %s", at).isBetween(answered ? 0 : 1, 1);
                    answered = true;
                    permissionRequests++;
                }
            }
        }
        System.out.printf("FrameFuzzTest: %d frames, %d malformed, %d permission requests answered once%n",
                CASES, malformed, permissionRequests);
        assertThat(permissionRequests).isPositive();
    }

    /** A frame the peer sent as a permission request with an id it can be answered by. */
    private static boolean isPermissionRequest(String text) {
        return text.startsWith("{\"type\":\"control_request\",\"request_id\":\"perm-c1\",\"request\":{\"subtype\":"
                + "\"can_use_tool\"");
    }

    private static SessionSink sink(List<ToolPermissionRequest> asked) {
        return new SessionSink() {
            @Override
            public void onEvent(SessionEvent event) {}

            @Override
            public void onTurnStarted(List<String> ids, int merged) {}

            @Override
            public void onPermissionRequest(ToolPermissionRequest request) {
                asked.add(request);
            }

            @Override
            public void onClosed(TransportException cause) {}
        };
    }

    private static TurnStream.Peer peer(List<String> denied) {
        return new TurnStream.Peer() {
            @Override
            public void abortOrphanTurn(String runId) {}

            @Override
            public void removeAbandoned(String queueItemId) {}

            @Override
            public void resendDecision(PendingApprovals.Resend resend) {}

            @Override
            public void denyUnreadable(String requestId, String message) {
                denied.add(requestId);
            }
        };
    }
}
