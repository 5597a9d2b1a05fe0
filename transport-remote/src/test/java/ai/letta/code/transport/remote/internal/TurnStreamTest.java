package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The turn bookkeeping and stream mapping, fed frames shaped like CLI 0.32.18's (spec §2.4, §2.5, §4.5). */
class TurnStreamTest {

    private static final String RT = "\"runtime\":{\"agent_id\":\"agent-1\",\"conversation_id\":\"conv-1\"}";
    private final FrameCodec codec = new FrameCodec();
    private final List<Object> calls = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private int orphanAborts;
    private final List<String> orphanRuns = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<PendingApprovals.Resend> resent = new ArrayList<>();

    private final SessionSink sink = new SessionSink() {
        @Override
        public synchronized void onEvent(SessionEvent event) {
            calls.add(event);
        }

        @Override
        public synchronized void onTurnStarted(List<String> ids, int merged) {
            calls.add("started " + ids + " " + merged);
        }

        @Override
        public synchronized void onPermissionRequest(ToolPermissionRequest request) {
            calls.add(request);
        }

        @Override
        public void onClosed(TransportException cause) {
            calls.add("closed");
        }
    };

    private final PendingApprovals approvals = new PendingApprovals();
    private final TurnStream.Peer peer = new TurnStream.Peer() {
        @Override
        public void abortOrphanTurn(String runId) {
            orphanAborts++;
            orphanRuns.add(runId);
        }

        @Override
        public void removeAbandoned(String queueItemId) {
            removed.add(queueItemId);
        }

        @Override
        public void resendDecision(PendingApprovals.Resend resend) {
            resent.add(resend);
        }

        @Override
        public void denyUnreadable(String requestId, String message) {
            denied.add(requestId + ": " + message);
        }
    };
    private final List<String> denied = new ArrayList<>();
    /** Quiet flush off (a minute): the timer runs on its own thread here, unlike on the event loop. */
    private final TurnStream stream = new TurnStream(sink, codec, "conv-1", false, timer,
            new TurnStream.Timing(Duration.ofMillis(500), Duration.ofMinutes(1)), peer, approvals);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private void frame(String json) {
        stream.onFrame(codec.decode(json));
    }

    private void delta(String delta) {
        frame("{\"type\":\"stream_delta\",\"delta\":" + delta + "," + RT + "}");
    }

    private void finished(String stopReason) {
        frame("{\"type\":\"turn_finished\",\"stop_reason\":\"" + stopReason + "\",\"run_id\":\"r2\"," + RT + "}");
    }

    private List<SessionEvent> events() {
        synchronized (sink) {
            return calls.stream().filter(SessionEvent.class::isInstance).map(SessionEvent.class::cast).toList();
        }
    }

    @Test
    void chunksSharingAnIdBecomeOneMessageAndToolResultsAreDeduplicated() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m1\",\"content\":\"Hel\",\"run_id\":\"r1\"}");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m1\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"lo\"}],\"run_id\":\"r1\"}");
        delta("{\"message_type\":\"approval_request_message\",\"tool_call\":{\"tool_call_id\":\"c1\",\"name\":"
                + "\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"},\"run_id\":\"r1\"}");
        delta("{\"message_type\":\"usage_statistics\",\"total_tokens\":3}");
        delta("{\"type\":\"client_tool_start\",\"tool_call_id\":\"c1\"}");
        delta("{\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\",\"status\":\"success\","
                + "\"tool_return\":\"out\",\"run_id\":\"r1\"}");
        delta("{\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\",\"status\":\"success\","
                + "\"tool_return\":\"out\\n\",\"run_id\":\"r1\"}");
        finished("end_turn");
        assertThat(calls.get(0)).isEqualTo("started [cm-1] 1");
        List<SessionEvent> events = events();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo(new AssistantMessage("m1", "Hello", "r1"));
        assertThat(events.get(1)).isInstanceOfSatisfying(ToolCall.class,
                c -> assertThat(c.toolInput()).containsEntry("command", "ls"));
        assertThat(events.get(2)).isEqualTo(new ToolResult("c1", "out", false, "r1"));
        assertThat(events.get(3)).isInstanceOfSatisfying(Result.class, r -> {
            assertThat(r.success()).isTrue();
            assertThat(r.result()).contains("Hello");
            assertThat(r.runIds()).containsExactly("r1", "r2");
        });
    }

    @Test
    void queuedInputsDequeuedTogetherAreOneAnnouncedTurn() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        stream.expect("cm-2");
        stream.expect("cm-3");
        stream.onInputAccepted("cm-2", "queued");
        stream.onInputAccepted("cm-3", "queued");
        frame("{\"type\":\"update_queue\",\"queue\":[{\"id\":\"q-1\",\"client_message_id\":\"cm-2\",\"kind\":"
                + "\"message\",\"source\":\"user\",\"content\":\"two\"}],\"removed\":[]," + RT + "}");
        assertThat(stream.queueItemId("cm-2")).isEqualTo("q-1");
        finished("cancelled");
        delta("{\"message_type\":\"user_message\",\"otid\":\"cm-2\",\"content\":\"two\"}");
        delta("{\"message_type\":\"user_message\",\"otid\":\"cm-3\",\"content\":\"three\"}");
        frame("{\"type\":\"update_queue\",\"queue\":[],\"removed\":[{\"client_message_id\":\"cm-2\","
                + "\"disposition\":\"dequeued\"},{\"client_message_id\":\"cm-3\",\"disposition\":\"dequeued\"}],"
                + RT + "}");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m2\",\"content\":\"both\"}");
        finished("end_turn");
        assertThat(calls).contains("started [cm-1] 1", "started [cm-2, cm-3] 2");
        List<Result> results = events().stream().filter(Result.class::isInstance).map(Result.class::cast).toList();
        assertThat(results).extracting(Result::status)
                .containsExactly(Result.Status.INTERRUPTED, Result.Status.SUCCESS);
        assertThat(results.get(0).errorCode()).contains(ErrorCode.INTERRUPTED);
        assertThat(events()).filteredOn(QueueUpdate.class::isInstance).hasSize(2);
        assertThat(stream.busy()).isFalse();
    }

    @Test
    void aLoopErrorAfterTurnFinishedBecomesTheResultsDetail() throws Exception {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        finished("error");
        assertThat(events()).isEmpty();
        delta("{\"type\":\"loop_error\",\"message\":\"agent not found\",\"stop_reason\":\"error\","
                + "\"is_terminal\":true}");
        List<SessionEvent> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ErrorEvent.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(Result.class, r -> {
            assertThat(r.status()).isEqualTo(Result.Status.ERROR);
            assertThat(r.error()).contains("agent not found");
        });
    }

    @Test
    void aFailedTurnWithoutALoopErrorEndsAfterAShortWait() throws Exception {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        finished("llm_api_error");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (events().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events()).last().isInstanceOfSatisfying(Result.class,
                r -> assertThat(r.errorCode()).contains(ErrorCode.LLM_API_ERROR));
    }

    @Test
    void aLostConnectionFailsTheRunningTurnAndTheQueuedOnesAndAbortsTheOrphanLater() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        stream.expect("cm-2");
        stream.onInputAccepted("cm-2", "queued");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m1\",\"content\":\"par\"}");
        stream.connectionLost("lost", null);
        assertThat(calls).containsSubsequence("started [cm-1] 1", new AssistantMessage("m1", "par", null),
                "started [cm-2] 1");
        List<Result> results = events().stream().filter(Result.class::isInstance).map(Result.class::cast).toList();
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.errorCode()).contains(ErrorCode.STREAM_CLOSED));
        assertThat(stream.busy()).isFalse();
        // After the reconnect the server still runs the old turn and holds the queued input.
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m1\",\"content\":\"tial\",\"run_id\":\"run-7\"}");
        frame("{\"type\":\"update_queue\",\"queue\":[{\"id\":\"q-9\",\"client_message_id\":\"cm-2\"}],"
                + "\"removed\":[]," + RT + "}");
        finished("end_turn");
        assertThat(orphanAborts).isEqualTo(1);
        // Aimed at the orphan's run: an untargeted abort could reach the turn the user sends next.
        assertThat(orphanRuns).containsExactly("run-7");
        assertThat(removed).containsExactly("q-9");
        assertThat(events()).filteredOn(Result.class::isInstance).hasSize(2);
    }

    @Test
    void theOrphansEndAfterAReconnectDoesNotEndTheNextMessagesTurn() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        delta("{\"message_type\":\"reasoning_message\",\"id\":\"m1\",\"reasoning\":\"thinking\","
                + "\"run_id\":\"run-3\"}");
        stream.connectionLost("lost", null);
        // Reconnected: the user sends the next message, which the server queues behind the turn it still runs.
        stream.expect("cm-2");
        stream.onInputAccepted("cm-2", "queued");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m2\",\"content\":\"old answer\","
                + "\"run_id\":\"run-3\"}");
        frame("{\"type\":\"turn_finished\",\"stop_reason\":\"end_turn\",\"run_id\":\"run-3\"," + RT + "}");
        assertThat(events()).filteredOn(Result.class::isInstance).as("only the lost turn's failure so far")
                .hasSize(1);
        // Then the queue runs the new message.
        delta("{\"message_type\":\"user_message\",\"otid\":\"cm-2\",\"content\":\"still there?\"}");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m3\",\"content\":\"back\","
                + "\"run_id\":\"run-4\"}");
        frame("{\"type\":\"turn_finished\",\"stop_reason\":\"end_turn\",\"run_id\":\"run-4\"," + RT + "}");
        List<Result> results = events().stream().filter(Result.class::isInstance).map(Result.class::cast).toList();
        assertThat(results).hasSize(2);
        assertThat(results.get(1).result()).as("%s", results.get(1)).contains("back");
        assertThat(results.get(1).runIds()).containsExactly("run-4");
        assertThat(events()).noneMatch(e -> e instanceof AssistantMessage a && a.content().equals("old answer"));
    }

    @Test
    void afterARestartARunIdOfTheLostTurnMayComeAgainAndIsTheNewTurns() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        delta("{\"message_type\":\"reasoning_message\",\"id\":\"m1\",\"reasoning\":\"thinking\","
                + "\"run_id\":\"local-run-1\"}");
        stream.connectionLost("lost", null);
        // A restarted server is idle (it starts the next input at once) and numbers its runs from 1 again.
        stream.expect("cm-2");
        stream.onInputAccepted("cm-2", "started");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m2\",\"content\":\"fresh\","
                + "\"run_id\":\"local-run-1\"}");
        frame("{\"type\":\"turn_finished\",\"stop_reason\":\"end_turn\",\"run_id\":\"local-run-1\"," + RT
                + "}");
        List<Result> results = events().stream().filter(Result.class::isInstance).map(Result.class::cast).toList();
        assertThat(results).hasSize(2);
        assertThat(results.get(1).result()).contains("fresh");
    }

    @Test
    void partialMessagesStreamEachChunk() {
        TurnStream partial = new TurnStream(sink, codec, "conv-1", true, timer,
                new TurnStream.Timing(Duration.ofMillis(50), Duration.ofMinutes(1)), peer, approvals);
        partial.expect("cm-1");
        partial.onInputAccepted("cm-1", "started");
        partial.onFrame(codec.decode("{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"reasoning_message\","
                + "\"id\":\"r\",\"reasoning\":\"think\"}," + RT + "}"));
        assertThat(events()).containsExactly(new PartialEvent("reasoning", "think", "r", null));
    }

    @Test
    void anApprovalStillHeldAfterAReconnectIsOfferedOnceAndItsTurnFollowedQuietly() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        delta("{\"message_type\":\"approval_request_message\",\"tool_call\":{\"tool_call_id\":\"c1\",\"name\":"
                + "\"AskUserQuestion\",\"arguments\":\"{}\"},\"run_id\":\"r1\"}");
        String controlRequest = "{\"type\":\"control_request\",\"request_id\":\"perm-c1\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"AskUserQuestion\",\"input\":{},\"tool_call_id\":\"c1\"}," + RT + "}";
        frame(controlRequest);
        stream.connectionLost("lost", null);
        calls.clear();
        // Reconnected: the server replays what it still holds, on connect and again on runtime_start.
        frame(controlRequest);
        frame(controlRequest);
        assertThat(calls).isEmpty(); // the engine still decides the first copy
        approvals.answered("perm-c1");
        assertThat(stream.busy()).isTrue();
        stream.expect("cm-2");
        stream.onInputAccepted("cm-2", "queued");
        delta("{\"type\":\"message\",\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                + "\"status\":\"success\",\"tool_return\":\"blue\"}");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m9\",\"content\":\"you chose blue\"}");
        finished("end_turn");
        assertThat(events()).isEmpty();
        assertThat(orphanAborts).isZero();
        delta("{\"message_type\":\"user_message\",\"otid\":\"cm-2\",\"content\":\"next\"}");
        delta("{\"message_type\":\"assistant_message\",\"id\":\"m10\",\"content\":\"fresh\"}");
        finished("end_turn");
        assertThat(calls).containsExactly("started [cm-2] 1", new AssistantMessage("m10", "fresh", null),
                events().get(1));
        assertThat(events().get(1)).isInstanceOfSatisfying(Result.class, r -> assertThat(r.result()).contains("fresh"));
        assertThat(stream.busy()).isFalse();
    }

    @Test
    void aReplayedRequestWhoseAnswerTheServerRefusedGetsTheSameDecisionAgainWithoutAskingTwice() {
        String controlRequest = "{\"type\":\"control_request\",\"request_id\":\"perm-c3\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"AskUserQuestion\",\"input\":{},\"tool_call_id\":\"c3\"}," + RT + "}";
        frame(controlRequest);
        ToolPermissionRequest asked = (ToolPermissionRequest) calls.get(0);
        PermissionDecision blue = PermissionDecision.allow(Map.of("answers", Map.of("Which?", "blue")));
        // A restarted server refused the answer: it had not recovered the approval yet.
        approvals.refused(asked, blue);

        frame(controlRequest); // recovered and replayed
        frame(controlRequest); // and once more, on runtime_start

        assertThat(calls).containsExactly(asked);
        assertThat(resent).singleElement().satisfies(r -> {
            assertThat(r.request()).isEqualTo(asked);
            assertThat(r.decision()).isEqualTo(blue);
        });
    }

    @Test
    void aPermissionRequestWithWronglyTypedFieldsStillReachesTheEngine() {
        frame("{\"type\":\"control_request\",\"request_id\":\"perm-c8\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"Bash\",\"input\":\"oops\",\"tool_call_id\":7,"
                + "\"permission_suggestions\":\"oops\",\"blocked_path\":{}}," + RT + "}");
        assertThat(calls).singleElement().isInstanceOfSatisfying(ToolPermissionRequest.class, r -> {
            assertThat(r.requestId()).isEqualTo("perm-c8");
            assertThat(r.toolName()).isEqualTo("Bash");
            assertThat(r.toolInput()).isEmpty();
            assertThat(r.suggestions()).isEmpty();
        });
        assertThat(denied).isEmpty();
    }

    @Test
    void aPermissionRequestWithoutAToolNameIsDeniedToThePeerAndReported() {
        String[] names = {"\"\"", "\"  \"", "null", "42", "{}"};
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            frame("{\"type\":\"control_request\",\"request_id\":\"perm-" + i + "\",\"request\":"
                    + "{\"subtype\":\"can_use_tool\",\"tool_name\":" + name + ",\"input\":{}}," + RT + "}");
        }
        frame("{\"type\":\"control_request\",\"request_id\":\"perm-none\",\"request\":{\"subtype\":"
                + "\"can_use_tool\"}," + RT + "}");
        assertThat(calls).noneMatch(ToolPermissionRequest.class::isInstance);
        assertThat(denied).hasSize(6).allSatisfy(d -> assertThat(d).contains("could not read"));
        assertThat(events()).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(ErrorEvent.class,
                error -> assertThat(error.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR)));
    }

    @Test
    void aNewApprovalAfterAReconnectIsOfferedToTheEngine() {
        frame("{\"type\":\"control_request\",\"request_id\":\"perm-c7\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"AskUserQuestion\",\"input\":{\"questions\":[]},"
                + "\"tool_call_id\":\"c7\"}," + RT + "}");
        assertThat(calls).singleElement().isInstanceOfSatisfying(ToolPermissionRequest.class, r -> {
            assertThat(r.requestId()).isEqualTo("perm-c7");
            assertThat(r.needsUserInput()).isTrue();
        });
        assertThat(stream.busy()).isTrue();
        assertThat(orphanAborts).isZero();
    }

    @Test
    void aStopReasonCompletesTheMessageBeingStreamed() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        delta("{\"message_type\":\"tool_call_message\",\"tool_call\":{\"tool_call_id\":\"c1\",\"name\":"
                + "\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}}");
        assertThat(events()).isEmpty();
        delta("{\"message_type\":\"stop_reason\",\"stop_reason\":\"requires_approval\"}");
        assertThat(events()).singleElement().isInstanceOf(ToolCall.class);
    }

    @Test
    void aToolCallSentAsBothToolCallAndToolCallsIsOneCallWithItsArgumentsOnce() {
        stream.expect("cm-1");
        stream.onInputAccepted("cm-1", "started");
        String call = "{\"tool_call_id\":\"c1\",\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}";
        delta("{\"message_type\":\"approval_request_message\",\"tool_call\":" + call + ",\"tool_calls\":[" + call
                + "]}");
        delta("{\"message_type\":\"stop_reason\",\"stop_reason\":\"requires_approval\"}");

        assertThat(events()).singleElement().isInstanceOfSatisfying(ToolCall.class, c -> {
            assertThat(c.toolCallId()).isEqualTo("c1");
            assertThat(c.toolInput()).containsExactly(Map.entry("command", "ls"));
            assertThat(c.rawArguments()).isEqualTo("{\"command\":\"ls\"}");
        });
    }

    @Test
    void aQuietStreamEmitsItsReasoningWhileTheModelPausesAndTheResultKeepsTheWholeText() throws Exception {
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
        try {
            TurnStream quiet = new TurnStream(sink, codec, "conv-1", false, loop,
                    new TurnStream.Timing(Duration.ofMillis(50), Duration.ofMillis(50)), peer, approvals);
            java.util.function.Consumer<String> on = json -> {
                try {
                    loop.submit(() -> quiet.onFrame(codec.decode(json))).get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            loop.submit(() -> {
                quiet.expect("cm-1");
                quiet.onInputAccepted("cm-1", "started");
            }).get();
            on.accept("{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"reasoning_message\",\"id\":\"r\","
                    + "\"reasoning\":\"thinking\"}," + RT + "}");
            awaitEvents(1);
            assertThat(events()).containsExactly(new Reasoning("r", "thinking", null));
            on.accept("{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"a\","
                    + "\"content\":\"Hel\"}," + RT + "}");
            awaitEvents(2);
            on.accept("{\"type\":\"stream_delta\",\"delta\":{\"message_type\":\"assistant_message\",\"id\":\"a\","
                    + "\"content\":\"lo\"}," + RT + "}");
            on.accept("{\"type\":\"turn_finished\",\"stop_reason\":\"end_turn\"," + RT + "}");
            assertThat(events()).containsExactly(new Reasoning("r", "thinking", null),
                    new AssistantMessage("a", "Hel", null), new AssistantMessage("a", "lo", null), events().get(3));
            assertThat(events().get(3)).isInstanceOfSatisfying(Result.class,
                    r -> assertThat(r.result()).contains("Hello"));
        } finally {
            loop.shutdownNow();
        }
    }

    private void awaitEvents(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (events().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(events()).hasSizeGreaterThanOrEqualTo(count);
    }
}
