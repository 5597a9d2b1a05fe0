package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Init;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.process.StdioTransport;
import ai.letta.code.transport.local.session.StdioSessionChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stdio transport's own behaviour, against a fake CLI script that misbehaves on demand. */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(60)
class FakeCliSessionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aTurnJoinsChunksAndReportsTheQueue() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel channel = FakeCli.open(FakeCli.transport("normal"), sink)) {
            assertThat(channel.agentId()).isEqualTo("agent-fake-1");
            assertThat(channel.conversationId()).isEqualTo("conv-fake-1");
            assertThat(sink.awaitEvent(Init.class, WAIT).model()).contains("fake-model");
            channel.send("client-1", UserMessage.text("hello\nworld"));
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).isTrue();
            assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content)
                    .containsExactly("echo: hello\nworld");
            assertThat(sink.turns()).containsExactly(new RecordingSink.TurnStarted(java.util.List.of("client-1"), 1));
            // Written at once (no turn ran), so it never waited: no queue update shows it.
            assertThat(sink.all(QueueUpdate.class)).allSatisfy(u -> assertThat(u.queue()).isEmpty());
        }
        assertThat(sink.closedWithin(WAIT)).isTrue();
        assertThat(sink.closeCause()).isNull();
    }

    @Test
    void rawCommandsTheCliCannotAnswerFailAtOnceNamingWhatItAccepts() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel channel = FakeCli.open(FakeCli.transport("normal"), sink)) {
            assertThat(channel.acceptedCommands()).hasValueSatisfying(a -> assertThat(a.types())
                    .contains("user", "control_request", "control_response", "bootstrap_session_state")
                    .doesNotContain("sync", "change_device_state"));
            Duration forever = Duration.ofHours(1); // fails at once, or this test's @Timeout fails it

            assertThatThrownBy(() -> channel.request(Map.of("type", "sync", "request_id", "s1"),
                    (rid, c) -> true, forever)).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("sendCommand of type \"sync\" is not supported by the local backend")
                    .hasMessageContaining("bootstrap_session_state");
            assertThatThrownBy(() -> channel.sendRaw(Map.of("type", "change_device_state", "request_id", "c1")))
                    .isInstanceOf(UnsupportedFeatureException.class);
            assertThatThrownBy(() -> channel.request(Map.of("type", "control_request", "request_id", "c2",
                    "request", Map.of("subtype", "sync")), (rid, c) -> true, forever))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("request.subtype \"sync\"");

            channel.send("c1", UserMessage.text("still fine"));
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void garbageAndPartialLinesAreReportedAndSkippedAndUnknownTypesKept() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel channel = FakeCli.open(FakeCli.transport("garbage"), sink)) {
            channel.send("c1", UserMessage.text("ping"));
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
            assertThat(sink.all(ErrorEvent.class)).hasSize(2).allSatisfy(error -> {
                assertThat(error.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                assertThat(error.message()).contains("not a JSON object").contains("skipped");
            }).extracting(error -> error.detail().orElse("")).containsExactly("this is not json",
                    "{\"type\":\"message\",\"message_type\":\"assist");
            assertThat(sink.all(UnknownEvent.class)).extracting(UnknownEvent::type).containsExactly("brand_new_event");
            assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content)
                    .containsExactly("echo: ping");
        }
    }

    @Test
    void aSixtyFourMebibyteLineArrivesWholeWhenTheCapAllowsIt() throws Exception {
        RecordingSink sink = new RecordingSink();
        LocalTransport transport = new LocalTransport(FakeCli.options("huge").maxLineBytes(96 * 1024 * 1024).build());
        try (SessionChannel channel = FakeCli.open(transport, sink)) {
            channel.send("c1", UserMessage.text("big"));
            ToolResult big = sink.awaitEvent(ToolResult.class, Duration.ofSeconds(30));
            assertThat(big.content()).hasSize(64 * 1024 * 1024);
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void aLineOverTheCapIsSkippedWithATypedErrorAndTheTurnGoesOn() throws Exception {
        RecordingSink sink = new RecordingSink();
        LocalTransport transport = new LocalTransport(FakeCli.options("huge").maxLineBytes(1024 * 1024).build());
        try (SessionChannel channel = FakeCli.open(transport, sink)) {
            channel.send("c1", UserMessage.text("big"));
            ErrorEvent error = sink.awaitEvent(ErrorEvent.class, Duration.ofSeconds(30));
            assertThat(error.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(error.message()).contains("1048576").contains("LocalOptions.maxLineBytes");
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void theProcessDyingMidTurnClosesTheSinkWithExitCodeAndStderr() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel channel = FakeCli.open(FakeCli.transport("die-mid-turn"), sink)) {
            channel.send("c1", UserMessage.text("ping"));
            assertThat(sink.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(sink.closeCause()).isInstanceOf(TransportLostException.class);
            assertThat(sink.closeCause().exitCode()).hasValue(3);
            assertThat(sink.closeCause().diagnosticTail()).hasValueSatisfying(t -> assertThat(t).contains("boom"));
            // The half-streamed text is flushed before the close, so the engine can show it.
            assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content).containsExactly("half");
            assertThatThrownBy(() -> channel.send("c2", UserMessage.text("again")))
                    .isInstanceOf(TransportException.class);
        }
    }

    /** Issue 12 item 1: a 4 MiB send to a CLI that never reads did not return in 5 s, nor close() in 15 s. */
    @Test
    void aSendToACliThatStopsReadingFailsAfterTheRequestTimeoutAndTheProcessIsStopped() throws Exception {
        RecordingSink sink = new RecordingSink();
        SessionChannel channel = FakeCli.open(
                new LocalTransport(FakeCli.options("deaf").requestTimeout(Duration.ofSeconds(1)).build()), sink);
        String big = "x".repeat(4 * 1024 * 1024);

        assertTimeoutPreemptively(WAIT, () -> assertThatThrownBy(() -> channel.send("c1", UserMessage.text(big)))
                .isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("did not read its stdin within 1000 ms")
                .hasMessageContaining("LocalOptions.requestTimeout"));
        assertThat(sink.closedWithin(WAIT)).isTrue();
        assertThat(sink.closeCause()).isInstanceOf(TransportLostException.class);
        assertTimeoutPreemptively(WAIT, channel::close);
    }

    @Test
    void closeEndsACliThatStopsReadingWhileASendIsStuckOnIt() throws Exception {
        RecordingSink sink = new RecordingSink();
        SessionChannel channel = FakeCli.open(
                new LocalTransport(FakeCli.options("deaf").requestTimeout(Duration.ofMinutes(5)).build()), sink);
        CompletableFuture<Void> send = CompletableFuture.runAsync(
                () -> channel.send("c1", UserMessage.text("x".repeat(4 * 1024 * 1024))));
        long pid = ((StdioSessionChannel) channel).transport().pid();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!send.isDone() && !writerBlockedInWrite() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(send).isNotDone();

        assertTimeoutPreemptively(WAIT, channel::close);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThatThrownBy(() -> send.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(LettaCodeException.class);
    }

    /** Whether the send has filled the pipe: a stdin writer thread is then blocked in its write. */
    private static boolean writerBlockedInWrite() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().endsWith("-stdin"))
                .anyMatch(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getMethodName().startsWith("write")
                                && f.getClassName().contains("FileOutputStream")));
    }

    @Test
    void aRejectedFlagFailsTheOpenWithTheCliStderr() {
        assertThatThrownBy(() -> FakeCli.open(FakeCli.transport("reject-flag"), new RecordingSink()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("exited with code 1 before its handshake")
                .hasMessageContaining("Unknown option '--bogus'")
                .satisfies(e -> assertThat(((TransportException) e).exitCode()).hasValue(1));
    }

    @Test
    void dreamingOnAnAgentWithoutMemfsIsAConfigurationProblem() {
        assertThatThrownBy(() -> FakeCli.open(FakeCli.transport("no-memfs"), new RecordingSink()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SessionOptions.dreaming")
                .hasMessageContaining("requires memfs enabled for this agent")
                .hasMessageContaining("Dreaming.off()")
                .hasMessageContaining("--memfs")
                .cause().isInstanceOf(TransportException.class);
    }

    @Test
    void theReasoningEffortIsWrittenOnTheSessionsConversationAndAnUnofferedOneNamesWhatIs(@TempDir Path dir)
            throws Exception {
        Path calls = dir.resolve("model-set.log");
        LocalTransport transport = new LocalTransport(FakeCli.options("normal").env("FAKE_ARGV_LOG", calls.toString())
                .build());
        SessionOptions.Builder options = SessionOptions.builder().model("openai-compatible/fake-model");

        try (SessionChannel channel = transport.sessions().open(SessionTarget.newConversation(null),
                options.reasoningEffort(ReasoningEffort.NONE).build(), new RecordingSink())) {
            assertThat(Files.readAllLines(calls)).containsExactly(
                    "model set openai-compatible/fake-model --reasoning none --conversation conv-fake-1");
        }
        // The agent's default conversation has no settings of its own: there it is the agent's.
        try (SessionChannel channel = transport.sessions().open(SessionTarget.resume("agent-fake-1"),
                options.reasoningEffort(ReasoningEffort.NONE).build(), new RecordingSink())) {
            assertThat(Files.readAllLines(calls)).last().isEqualTo(
                    "model set openai-compatible/fake-model --reasoning none --agent agent-fake-1");
        }
        assertThatThrownBy(() -> transport.sessions().open(SessionTarget.newConversation(null),
                options.reasoningEffort(ReasoningEffort.HIGH).build(), new RecordingSink()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("reasoningEffort \"high\" is not offered by the model"
                        + " openai-compatible/fake-model on the local backend; it offers none: choose one of those");
    }

    @Test
    void aSilentCliTimesOutQuotingItsStderr() {
        LocalTransport transport = new LocalTransport(FakeCli.options("silent")
                .startupTimeout(Duration.ofMillis(1500)).build());
        assertThatThrownBy(() -> FakeCli.open(transport, new RecordingSink()))
                .isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("LocalOptions.startupTimeout")
                .hasMessageContaining("still loading something slow");
    }

    @Test
    void closeEscalatesToKillAndTakesGrandchildrenAlong() throws Exception {
        RecordingSink sink = new RecordingSink();
        LocalTransport transport = new LocalTransport(FakeCli.options("ignore-term")
                .closeGracePeriod(Duration.ofMillis(300)).build());
        SessionChannel channel = FakeCli.open(transport, sink);
        long start = System.nanoTime();
        channel.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(sink.closedWithin(WAIT)).isTrue();
        assertThat(sink.closeCause()).isNull();
        assertThatThrownBy(() -> channel.send("c", UserMessage.text("late"))).isInstanceOf(SessionClosedException.class);
        channel.close();
    }

    @Test
    void rawRequestsMatchTheirControlResponse() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel channel = FakeCli.open(FakeCli.transport("normal"), sink)) {
            var answer = channel.request(Map.of("type", "list_messages", "request_id", "raw-1", "limit", 2),
                    ai.letta.code.api.command.ResponseMatcher.type("control_response"), WAIT);
            assertThat(answer.requestId()).hasValue("raw-1");
            assertThat(answer.body().get("response")).isEqualTo(Map.of("echo",
                    Map.of("subtype", "list_messages", "limit", 2)));
        }
    }

    @Test
    void aSendWhileATurnRunsIsHeldUntilItsResultAndCanBeRemoved() throws Exception {
        RecordingSink sink = new RecordingSink();
        Path work = Files.createTempDirectory("fake-cli-work-");
        LocalTransport transport = new LocalTransport(FakeCli.options("hang-once").workingDirectory(work)
                .requestTimeout(Duration.ofMillis(600)).build());
        try (SessionChannel channel = FakeCli.open(transport, sink)) {
            channel.send("first", UserMessage.text("hang"));
            sink.awaitEvent(AssistantMessage.class, WAIT);
            channel.send("second", UserMessage.text("two"));
            channel.send("third", UserMessage.text("three"));
            assertThat(sink.all(QueueUpdate.class)).last().satisfies(u -> assertThat(u.queue())
                    .extracting(q -> q.clientMessageId().orElse(null)).containsExactly("second", "third"));
            assertThat(channel.removeQueued("third")).isTrue();
            assertThat(channel.removeQueued("third")).isFalse();
            assertThat(sink.all(QueueUpdate.class)).last().satisfies(u -> assertThat(u.queue())
                    .extracting(q -> q.clientMessageId().orElse(null)).containsExactly("second"));
            channel.interrupt();
            assertThat(sink.awaitResult(WAIT).status()).isEqualTo(Result.Status.INTERRUPTED);
            Result second = sink.awaitResult(WAIT);
            assertThat(second.result()).contains("echo: two");
            assertThat(sink.turns()).extracting(RecordingSink.TurnStarted::clientMessageIds)
                    .containsExactly(java.util.List.of("first"), java.util.List.of("second"));
        } finally {
            LocalBackendPeer.delete(work);
        }
    }

    @Test
    void anInterruptTheCliCannotFinishEndsTheTurnAndReplacesTheProcessOnTheSameConversation() throws Exception {
        RecordingSink sink = new RecordingSink();
        Path work = Files.createTempDirectory("fake-cli-work-");
        // requestTimeout 600 ms: the channel's interrupt grace is half of it.
        LocalTransport transport = new LocalTransport(FakeCli.options("hang-once").workingDirectory(work)
                .requestTimeout(Duration.ofMillis(600)).build());
        try (SessionChannel channel = FakeCli.open(transport, sink)) {
            long stuckPid = ((StdioSessionChannel) channel).transport().pid();
            channel.send("c1", UserMessage.text("hang"));
            // The joined message shows although the stream went quiet mid-message.
            assertThat(sink.awaitEvent(AssistantMessage.class, WAIT).content()).isEqualTo("working");
            long interrupted = System.nanoTime();
            channel.interrupt();
            Result result = sink.awaitResult(WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
            assertThat(result.status()).isEqualTo(Result.Status.INTERRUPTED);
            assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
            assertThat(result.result()).contains("working");
            assertThat(result.conversationId()).contains("conv-fake-1");

            channel.send("c2", UserMessage.text("again"));
            assertThat(sink.awaitResult(WAIT).result()).contains("echo: again");
            StdioTransport replacement = ((StdioSessionChannel) channel).transport();
            assertThat(replacement.pid()).isNotEqualTo(stuckPid);
            assertThat(String.join(" ", replacement.command())).contains("--conversation conv-fake-1");
            assertThat(ProcessHandle.of(stuckPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(sink.closedWithin(Duration.ofMillis(100))).as("still open").isFalse();
        } finally {
            LocalBackendPeer.delete(work);
        }
        assertThat(sink.closedWithin(WAIT)).isTrue();
        assertThat(sink.closeCause()).isNull();
    }

    @Test
    void closeDuringAHungTurnInterruptsAndReturnsWithinTheInterruptGrace() throws Exception {
        RecordingSink sink = new RecordingSink();
        LocalTransport transport = new LocalTransport(FakeCli.options("hang-turn")
                .requestTimeout(Duration.ofMillis(600)).closeGracePeriod(Duration.ofSeconds(10)).build());
        SessionChannel channel = FakeCli.open(transport, sink);
        channel.send("c1", UserMessage.text("hang"));
        sink.awaitEvent(AssistantMessage.class, WAIT);
        long start = System.nanoTime();
        channel.close();
        // Not the 10 s close grace: a running turn gets the interrupt grace, then SIGTERM.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(sink.closedWithin(WAIT)).isTrue();
        assertThat(sink.closeCause()).isNull();
    }
}
