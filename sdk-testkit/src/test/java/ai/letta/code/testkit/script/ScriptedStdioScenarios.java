package ai.letta.code.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.letta.code.testkit.peer.CliProcess;
import ai.letta.code.testkit.peer.JsonMatch;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The proof scenarios every scripted fake must pass with the REAL pinned CLI over raw stdio: a plain turn, an
 * allowed and a denied tool call with a real {@code can_use_tool} round trip, and an interrupt mid-turn. Each
 * subclass supplies one wire (its fake, the CLI spawn) and checks what reached its fake.
 */
@ExtendWith(NoLeftoverProcesses.class)
public abstract class ScriptedStdioScenarios {

    /** A command that writes, so {@code standard} mode asks before running it (offline-peers.md §7). */
    protected static final String WRITE_COMMAND = "touch approved.txt && echo ok";

    protected CliProcess cli;
    protected StdioSession session;

    /** Starts the fake server. */
    protected abstract void startFake();

    /** Spawns the CLI against the fake, {@code --permission-mode standard}. */
    protected abstract CliProcess startCli();

    /** Stops the fake server. */
    protected abstract void stopFake();

    /** Queues a script on the fake. */
    protected abstract void enqueue(TurnScript script);

    /** The tool results the fake received back, oldest first. */
    protected abstract List<TurnRequest.ToolResult> toolResultsReceived();

    /** Names the setup in timing lines. */
    protected abstract String setup();

    @BeforeEach
    void startPeers() {
        startFake();
        cli = startCli();
        session = new StdioSession(cli);
        session.awaitInit();
    }

    @AfterEach
    void stopPeers() {
        try {
            if (cli != null) {
                cli.close();
            }
        } finally {
            stopFake();
        }
    }

    @Test
    void plainTurnStreamsReasoningAndChunkedAssistantTextThenSucceeds() {
        enqueue(TurnScript.builder().reasoning("thinking about ping").assistant("po", "ng").build());

        session.sendUser("ping");
        JsonNode result = session.awaitResult();

        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("result").asString()).isEqualTo("pong");
        assertThat(session.turnMessages("reasoning_message")).singleElement()
                .satisfies(m -> assertThat(m.path("reasoning").asString()).isEqualTo("thinking about ping"));
        // One line per chunk, all under one message id: clients concatenate by id (local-stdio.md §3.2).
        List<JsonNode> chunks = session.turnMessages("assistant_message");
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).path("id")).isEqualTo(chunks.get(1).path("id"));
    }

    @Test
    void allowedToolCallRunsTheCommandInTheWorkDirAndTheScriptAnswersItsResult() {
        enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                .toolCall("Bash", Map.of("command", WRITE_COMMAND, "description", "write a marker file"))
                .assistantFrom(request -> "tool said: " + request.toolResult().orElseThrow().firstLine())
                .build());

        long start = System.nanoTime();
        session.sendUser("please use a tool");
        JsonNode permission = session.awaitPermissionRequest();
        session.answerPermission(permission, true, null);
        JsonNode result = session.awaitResult();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("scripted tool-call turn, %s: %d ms from user line to result (result.duration_ms %s)%n",
                setup(), millis, result.path("duration_ms"));
        assertThat(permission.path("request_id").asString()).isEqualTo("perm-call_fake_1");
        assertThat(permission.path("request").path("tool_name").asString()).isEqualTo("Bash");
        assertThat(permission.path("request").path("input").path("command").asString()).isEqualTo(WRITE_COMMAND);
        assertThat(Files.exists(cli.workDir().resolve("approved.txt"))).isTrue();
        assertThat(session.turnMessages("tool_return_message")).singleElement().satisfies(m -> {
            assertThat(m.path("status").asString()).isEqualTo("success");
            assertThat(m.path("tool_return").asString()).isEqualTo("ok\n");
        });
        assertThat(toolResultsReceived()).singleElement()
                .isEqualTo(new TurnRequest.ToolResult("call_fake_1", "ok\n", false));
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("num_turns").asInt()).isEqualTo(2);
        assertThat(result.path("result").asString()).isEqualTo("tool said: ok");
    }

    @Test
    void deniedToolCallReturnsAnErrorToolResultAndLeavesNoFile() {
        enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                .toolCall("Bash", Map.of("command", WRITE_COMMAND, "description", "write a marker file"))
                .assistantFrom(request -> "tool said: " + request.toolResult().orElseThrow().firstLine())
                .build());

        session.sendUser("please use a tool");
        session.answerPermission(session.awaitPermissionRequest(), false, "denied by test");
        JsonNode result = session.awaitResult();

        assertThat(Files.exists(cli.workDir().resolve("approved.txt"))).isFalse();
        assertThat(session.turnMessages("tool_return_message")).singleElement().satisfies(m -> {
            assertThat(m.path("status").asString()).isEqualTo("error");
            assertThat(m.path("tool_return").asString())
                    .isEqualTo("Error: request to call tool denied. User reason: denied by test");
        });
        assertThat(toolResultsReceived()).singleElement()
                .satisfies(r -> assertThat(r.content()).isEqualTo("denied by test"));
        assertThat(result.path("subtype").asString()).isEqualTo("success");
        assertThat(result.path("result").asString()).isEqualTo("tool said: denied by test");
    }

    @Test
    void interruptMidTurnEndsWithAnInterruptedResultAndTheNextTurnRuns() {
        TurnScript.Builder slow = TurnScript.builder().chunkDelay(Duration.ofMillis(250)).reasoning("thinking slowly");
        for (int i = 0; i < 40; i++) {
            slow.assistant("chunk" + i + " ");
        }
        enqueue(slow.build());

        session.sendUser("take your time");
        session.awaitMessage("reasoning_message");
        long start = System.nanoTime();
        session.interrupt();
        session.await(JsonMatch.type("control_response"), StdioSession.STEP);
        JsonNode interrupted = session.awaitResult();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("interrupt, %s: %d ms from interrupt to result%n", setup(), millis);
        assertThat(interrupted.path("subtype").asString()).isEqualTo("interrupted");
        assertThat(session.turnMessages("assistant_message")).hasSizeLessThan(40);
        assertThat(session.turnMessages("stop_reason")).isEmpty();

        session.sendUser("ping");
        JsonNode next = session.awaitResult();
        assertThat(next.path("subtype").asString()).isEqualTo("success");
        assertThat(next.path("result").asString()).isEqualTo("pong");
    }
}
