package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.sink.RecordingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripted turns on the real app server (local backend, model {@code lmstudio/fake-model} served by
 * {@link FakeModelEndpoint}): tool calls and approvals, abort with a queued message, close during a turn.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class RemoteToolTurnsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static FakeModelEndpoint model;
    static AppServerProcess server;
    static WebSocketTransport transport;

    @TempDir
    Path workDir;

    @BeforeAll
    static void start() {
        model = FakeModelEndpoint.start();
        server = AppServerProcess.builder().backend(PeerBackend.lmStudio(model.baseUrl())).start();
        transport = new WebSocketTransport(RemoteOptions.builder().url(server.wsUri())
                .requestTimeout(Duration.ofSeconds(15)).build());
    }

    @AfterAll
    static void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
        if (model != null) {
            model.close();
        }
    }

    private SessionChannel open(RecordingSink sink, boolean partials) {
        String agent = transport.agents().create(AgentOptions.builder().model("lmstudio/fake-model").build());
        return transport.sessions().open(SessionTarget.newConversation(agent), SessionOptions.builder()
                .cwd(workDir).includePartialMessages(partials).build(), sink);
    }

    private static TurnScript writeFile(String name) {
        return TurnScript.builder().reasoning("I should write the file.")
                .toolCall("Bash", Map.of("command", "echo approved-write > " + name + " && cat " + name,
                        "description", "write a file"))
                .assistant("tool finished").build();
    }

    @Test
    void approvedToolCallRunsOnceAndTheTurnSucceeds() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink, false)) {
            model.enqueue(writeFile("allowed.txt"));
            session.send("cm-allow", UserMessage.text("please write"));
            ToolPermissionRequest request = sink.awaitPermission(WAIT);
            assertThat(request.toolName()).isEqualTo("Bash");
            assertThat(request.toolInput()).containsKey("command");
            session.answer(request, PermissionDecision.allow());
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).as("%s", result).isTrue();
            assertThat(result.result().orElseThrow()).contains("tool finished");
            assertThat(sink.events()).filteredOn(Reasoning.class::isInstance).isNotEmpty();
            assertThat(sink.events()).filteredOn(ToolCall.class::isInstance).hasSize(1);
            List<ToolResult> results = sink.events().stream().filter(ToolResult.class::isInstance)
                    .map(ToolResult.class::cast).toList();
            assertThat(results).hasSize(1);
            assertThat(results.get(0).content()).contains("approved-write");
            assertThat(results.get(0).isError()).isFalse();
            assertThat(Files.readString(workDir.resolve("allowed.txt"))).contains("approved-write");
        }
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void deniedToolCallReachesTheModelAsAnError() {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink, false)) {
            model.enqueue(writeFile("denied.txt"));
            session.send("cm-deny", UserMessage.text("please write"));
            session.answer(sink.awaitPermission(WAIT), PermissionDecision.deny("denied by test"));
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).isTrue();
            ToolResult tool = (ToolResult) sink.events().stream().filter(ToolResult.class::isInstance).findFirst()
                    .orElseThrow();
            assertThat(tool.isError()).isTrue();
            assertThat(tool.content()).contains("denied by test");
            assertThat(workDir.resolve("denied.txt")).doesNotExist();
        }
    }

    @Test
    void abortWhileApprovalPendingInterruptsTheTurn() {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink, false)) {
            // One step only: the scripted answer to the tool result would otherwise wait for the next test's turn.
            model.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "echo x > aborted.txt",
                    "description", "write a file")).build());
            session.send("cm-abort", UserMessage.text("please write"));
            sink.awaitPermission(WAIT);
            session.interrupt();
            Result result = sink.awaitResult(WAIT);
            assertThat(result.status()).isEqualTo(Result.Status.INTERRUPTED);
            assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
        }
    }

    @Test
    void abortDuringAStreamStillRunsTheQueuedMessage() {
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink, true)) {
            model.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(300))
                    .assistant("one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ").build());
            model.enqueue(TurnScript.text("second answer"));
            session.send("cm-slow", UserMessage.text("slow please"));
            sink.until(PartialEvent.class, WAIT);
            session.send("cm-queued", UserMessage.text("then this"));
            session.interrupt();
            Result first = sink.awaitResult(WAIT);
            assertThat(first.status()).as("%s", first).isEqualTo(Result.Status.INTERRUPTED);
            List<Object> second = sink.until(Result.class, WAIT);
            assertThat(second).contains(new RecordingSink.TurnStarted(List.of("cm-queued"), 1));
            Result result = (Result) second.get(second.size() - 1);
            assertThat(result.success()).as("%s", result).isTrue();
            assertThat(result.result().orElseThrow()).contains("second answer");
        }
    }

    @Test
    void closeDuringATurnEndsTheSessionWithoutHanging() {
        RecordingSink sink = new RecordingSink();
        SessionChannel session = open(sink, true);
        model.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(300))
                .assistant("a ", "b ", "c ", "d ", "e ", "f ", "g ", "h ").build());
        session.send("cm-close", UserMessage.text("slow please"));
        sink.until(PartialEvent.class, WAIT);
        long started = System.nanoTime();
        session.close();
        assertThat(sink.awaitClosed(WAIT).cause()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        session.close();
        assertThat(sink.violations()).isEmpty();
    }
}
