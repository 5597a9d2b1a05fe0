package ai.letta.code.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.AbortOutcome;
import ai.letta.code.api.EventStream;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.AcceptedCommands;
import ai.letta.code.spi.Results;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineSessionTest {
    private final EngineExecutors executors = new EngineExecutors();
    private final StubPort port = new StubPort();

    @AfterEach
    void shutDown() {
        executors.close();
    }

    private EngineSession open(SessionOptions options) {
        EngineSession session = new EngineSession(options, executors, s -> {});
        session.open(port, ai.letta.code.spi.SessionTarget.newConversation(null));
        return session;
    }

    private static List<SessionEvent> drain(EventStream stream) {
        List<SessionEvent> events = new ArrayList<>();
        CompletableFuture.runAsync(() -> stream.forEach(events::add)).orTimeout(5, TimeUnit.SECONDS).join();
        return events;
    }

    @Test
    void staleEventsNeverReachTheNextStream() {
        EngineSession session = open(SessionOptions.defaults());
        port.sink.onEvent(new AssistantMessage("old", "before any send", null));
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "hello", null));
        port.sink.onEvent(Results.success("hello", "conv-stub"));
        port.sink.onEvent(new AssistantMessage("late", "after the result", null));

        assertThat(drain(session.stream())).extracting(SessionEvent::type).containsExactly("assistant", "result");
        assertThat(drain(session.stream())).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.IDLE);
        session.close();
    }

    @Test
    void mergedTurnAnswersBothQueuedMessagesWithOneResult() {
        EngineSession session = open(SessionOptions.defaults());
        session.send("one");
        session.send("two");
        session.send("three");
        port.sink.onEvent(Results.success("1", "conv-stub"));
        port.sink.onTurnStarted(List.of(), 2);
        port.sink.onEvent(Results.success("2+3", "conv-stub"));

        assertThat(drain(session.stream())).hasSize(2).allMatch(Result.class::isInstance);
        session.close();
    }

    @Test
    void transportLossMidTurnEndsTheStreamWithAFailedResultAndClosesTheSession() {
        EngineSession session = open(SessionOptions.defaults());
        session.send("hi");
        port.sink.onClosed(new TransportLostException("the CLI exited with code 137", 137, "killed", null));

        List<SessionEvent> events = drain(session.stream());
        assertThat(events.get(0)).isInstanceOfSatisfying(ErrorEvent.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED));
        assertThat(events.get(1)).isInstanceOfSatisfying(Result.class, r -> {
            assertThat(r.success()).isFalse();
            assertThat(r.errorCode()).contains(ErrorCode.STREAM_CLOSED);
            assertThat(r.errorDetail().orElseThrow()).contains("killed");
        });
        assertThatThrownBy(() -> session.send("again")).isInstanceOf(SessionClosedException.class)
                .hasMessageContaining("transport was lost").hasMessageContaining("resumeSession");
    }

    @Test
    void abortWaitsForTheInterruptedResult() {
        EngineSession session = open(SessionOptions.defaults());
        port.onInterrupt = () -> port.sink.onEvent(Results.interrupted(ErrorCode.INTERRUPTED, null, "conv-stub"));
        session.send("long task");

        assertThat(session.abort()).isEqualTo(AbortOutcome.INTERRUPTED);
        assertThat(session.stream().result().interrupted()).isTrue();
        assertThat(session.abort()).isEqualTo(AbortOutcome.NOTHING_TO_ABORT);
        session.close();
    }

    @Test
    void abortOfATurnThatEndsOnItsOwnMeanwhileSaysSo() {
        EngineSession session = open(SessionOptions.defaults());
        // The turn's success crosses the interrupt: the peer had finished before it read the abort.
        port.onInterrupt = () -> port.sink.onEvent(Results.success("done anyway", "conv-stub"));
        session.send("quick task");

        assertThat(session.abort()).isEqualTo(AbortOutcome.ENDED_FIRST);
        assertThat(session.stream().result().success()).isTrue();
        assertThat(session.abort()).isEqualTo(AbortOutcome.NOTHING_TO_ABORT);
        session.close();
    }

    @Test
    void closeDuringATurnEndsTheStreamWithASessionClosedResult() {
        EngineSession session = open(SessionOptions.defaults());
        session.send("hi");
        EventStream stream = session.stream();
        session.close();
        session.close();

        assertThat(stream.result().errorCode()).contains(ErrorCode.SESSION_CLOSED);
        assertThat(port.closes).hasValue(1);
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    }

    @Test
    void idleTimeoutInterruptsAndFailsTheTurn() {
        EngineSession session = open(SessionOptions.builder().idleTimeout(Duration.ofMillis(100)).build());
        session.send("stall");

        Result result = session.stream().result();
        assertThat(result.errorCode()).contains(ErrorCode.IDLE_TIMEOUT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (port.interrupts.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the interrupt is sent from a pool thread, after the result
        }
        assertThat(port.interrupts.get()).isPositive();
        session.close();
    }

    /** Issue 12 item 2: a pending approval is not silence; the clock starts again once it is answered. */
    @Test
    void waitingForAPermissionDecisionIsNotIdle() throws Exception {
        CompletableFuture<PermissionDecision> decision = new CompletableFuture<>();
        EngineSession session = open(SessionOptions.builder().idleTimeout(Duration.ofMillis(100))
                .canUseTool(r -> decision).build());
        session.send("use a tool");
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of("command", "ls")));
        Thread.sleep(600); // six idle limits with the decision outstanding

        decision.complete(PermissionDecision.allow());
        assertThat(port.answers.poll(5, TimeUnit.SECONDS)).isNotNull();
        port.sink.onEvent(Results.success("done", "conv-stub"));

        Result result = session.stream().result();
        assertThat(result.success()).as("%s", result).isTrue();
        assertThat(port.interrupts).hasValue(0);
        session.close();
    }

    @Test
    void brokerDeniesWithoutACallbackAndSaysHowToSetOne() throws InterruptedException {
        EngineSession session = open(SessionOptions.defaults());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of("command", "touch x")));

        var answer = port.answers.poll(5, TimeUnit.SECONDS);
        assertThat(answer.getValue()).isInstanceOfSatisfying(PermissionDecision.Deny.class,
                d -> assertThat(d.message()).contains("canUseTool").contains("BYPASS_PERMISSIONS"));
        session.close();
    }

    @Test
    void bypassAllowsToolsButAsksTheCallbackForUserInputTools() throws InterruptedException {
        List<String> asked = new ArrayList<>();
        EngineSession session = open(SessionOptions.builder().permissionMode(PermissionMode.BYPASS_PERMISSIONS)
                .canUseTool(r -> {
                    asked.add(r.toolName());
                    return CompletableFuture.completedFuture(PermissionDecision.deny("no"));
                }).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-2", "c2", "AskUserQuestion", Map.of()));

        assertThat(port.answers.poll(5, TimeUnit.SECONDS).getValue()).isInstanceOf(PermissionDecision.Allow.class);
        assertThat(port.answers.poll(5, TimeUnit.SECONDS).getValue()).isInstanceOf(PermissionDecision.Deny.class);
        assertThat(asked).containsExactly("AskUserQuestion");
        session.close();
    }

    @Test
    void throwingCallbackDeniesWithItsMessage() throws InterruptedException {
        EngineSession session = open(SessionOptions.builder().canUseTool(r -> {
            throw new IllegalStateException("policy service down");
        }).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));

        assertThat(port.answers.poll(5, TimeUnit.SECONDS).getValue()).isInstanceOfSatisfying(
                PermissionDecision.Deny.class, d -> assertThat(d.message()).contains("policy service down"));
        session.close();
    }

    @Test
    void closeDeniesAnApprovalTheCallbackNeverAnswers() throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        EngineSession session = open(SessionOptions.builder().canUseTool(r -> {
            asked.countDown();
            return new CompletableFuture<>();
        }).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));
        assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();

        session.close();

        assertThat(port.answers.poll(1, TimeUnit.SECONDS).getValue()).isInstanceOfSatisfying(
                PermissionDecision.Deny.class, d -> assertThat(d.message()).contains("closed"));
    }

    @Test
    void aCallbackThatNeverAnswersIsDeniedAfterThePermissionTimeout() throws InterruptedException {
        EngineSession session = open(SessionOptions.builder().permissionTimeout(Duration.ofMillis(200))
                .canUseTool(r -> new CompletableFuture<>()).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));

        var answer = port.answers.poll(5, TimeUnit.SECONDS);
        assertThat(answer).as("a denial within the timeout").isNotNull();
        assertThat(answer.getValue()).isInstanceOfSatisfying(PermissionDecision.Deny.class,
                d -> assertThat(d.message()).contains("within PT0.2S").contains("permissionTimeout"));
        session.close();
        assertThat(port.answers.poll(300, TimeUnit.MILLISECONDS)).as("answered once").isNull();
    }

    @Test
    void aSyncCallbackThatBlocksIsInterruptedAndDeniedAfterThePermissionTimeout() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        EngineSession session = open(SessionOptions.builder().permissionTimeout(Duration.ofMillis(200))
                .canUseToolSync(r -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return PermissionDecision.allow();
                }).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));

        assertThat(port.answers.poll(5, TimeUnit.SECONDS).getValue()).isInstanceOf(PermissionDecision.Deny.class);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the blocked callback thread was interrupted").isTrue();
        assertThat(port.answers.poll(300, TimeUnit.MILLISECONDS)).as("the late allow is ignored").isNull();
        session.close();
    }

    @Test
    void aDecisionInTimeCancelsTheDeadline() throws InterruptedException {
        EngineSession session = open(SessionOptions.builder().permissionTimeout(Duration.ofMillis(300))
                .canUseToolSync(r -> PermissionDecision.allow()).build());
        port.sink.onPermissionRequest(ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of()));

        assertThat(port.answers.poll(5, TimeUnit.SECONDS).getValue()).isInstanceOf(PermissionDecision.Allow.class);
        assertThat(port.answers.poll(600, TimeUnit.MILLISECONDS)).as("no denial after the allow").isNull();
        session.close();
    }

    @Test
    void rawCommandsGetARequestId() {
        EngineSession session = open(SessionOptions.defaults());
        String id = session.sendCommand(Map.of("type", "sync"));
        assertThat(id).startsWith("sdk-");
        assertThat(session.sendCommand(Map.of("type", "list_models"), (rid, c) -> true).type())
                .isEqualTo("list_models_response");
        assertThatThrownBy(() -> session.sendCommand(Map.of("no_type", 1)))
                .hasMessageContaining("'type' field");
        session.close();
    }

    @Test
    void aRawCommandWithARequestIdThatIsNoStringIsRefusedBeforeAnythingIsSent() {
        EngineSession session = open(SessionOptions.defaults());
        assertThatThrownBy(() -> session.sendCommand(Map.of("type", "sync", "request_id", 7)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'request_id' must be a string");
        assertThat(port.sent).doesNotContain("raw:sync");
        session.close();
    }

    @Test
    void aRawCommandThePeerDoesNotUnderstandFailsAtOnceNamingWhatItDoes() {
        port.accepted = Optional.of(new AcceptedCommands(BackendKind.LOCAL, Set.of("initialize", "user"),
                "other names are control requests"));
        EngineSession session = open(SessionOptions.defaults());

        assertThatThrownBy(() -> session.sendCommand(Map.of("type", "sync"), (rid, c) -> true, Duration.ofHours(1)))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.feature()).isEqualTo("sendCommand of type \"sync\""))
                .hasMessageContaining("local backend")
                .hasMessageContaining("initialize, user (other names are control requests)");
        assertThatThrownBy(() -> session.sendCommand(Map.of("type", "change_device_state")))
                .isInstanceOf(UnsupportedFeatureException.class);
        assertThat(port.sent).isEmpty();

        assertThat(session.sendCommand(Map.of("type", "initialize"), (rid, c) -> true).type())
                .isEqualTo("initialize_response");
        session.close();
    }

    @Test
    void aStreamClosedEarlyDropsItsTurnButNotTheNextMessage() {
        EngineSession session = open(SessionOptions.defaults());
        session.send("first");
        port.sink.onEvent(new AssistantMessage("a1", "first answer", null));
        session.stream().close();
        session.send("second");
        port.sink.onEvent(new AssistantMessage("a2", "more of the first", null));
        port.sink.onEvent(Results.success("first", "conv-stub"));
        port.sink.onEvent(new AssistantMessage("b1", "second answer", null));
        port.sink.onEvent(Results.success("second", "conv-stub"));

        assertThat(drain(session.stream())).extracting(SessionEvent::type).containsExactly("assistant", "result");
        session.close();
    }

    @Test
    void abortAfterTheResultWasReadFindsNothingToAbort() {
        EngineSession session = open(SessionOptions.defaults());
        for (int i = 0; i < 200; i++) {
            session.send("turn " + i);
            port.sink.onEvent(Results.success("done", "conv-stub"));
            assertThat(session.stream().result().success()).isTrue();
            assertThat(session.abort()).isEqualTo(AbortOutcome.NOTHING_TO_ABORT);
        }
        assertThat(port.interrupts).hasValue(0);
        session.close();
    }

    @Test
    void listenersSeeStepsAndEventsInDispatchOrder() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineSession session = open(SessionOptions.builder().listener(new ai.letta.code.api.SessionListener() {
            @Override
            public void onLifecycle(ai.letta.code.api.SessionStep step) {
                seen.add(step.kind().name());
            }

            @Override
            public void onEvent(String conversationId, SessionEvent event) {
                seen.add(event.type());
            }
        }).build());
        session.send("hi");
        port.sink.onEvent(new AssistantMessage("m1", "hello", null));
        port.sink.onEvent(Results.success("hello", "conv-stub"));
        session.stream().result();
        session.close();

        assertThat(seen).containsExactly("OPENED", "MESSAGE_SENT", "TURN_STARTED", "assistant", "result",
                "TURN_ENDED", "CLOSED");
    }
}
