package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fake.RecordingSink.Permission;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fake's permission prompts and real tool execution. */
class InMemoryTransportPermissionTest {

    @TempDir
    Path dir;
    private final InMemoryTransport fake = new InMemoryTransport();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void writingCommandAsksAndRunsInTheSessionCwdOnceAllowed() {
        SessionChannel channel = open(PermissionMode.DEFAULT);
        channel.send("cm-1", UserMessage.text("use the tool"));

        Permission asked = sink.await(Permission.class);
        assertThat(asked.request().requestId()).isEqualTo("perm-call_fake_1");
        assertThat(asked.request().toolName()).isEqualTo("Bash");
        assertThat(dir.resolve("approved.txt")).doesNotExist();
        channel.answer(asked.request(), PermissionDecision.allow());

        Result result = sink.awaitResult();
        assertThat(dir.resolve("approved.txt")).exists();
        assertThat(result.result()).contains("tool said: deterministic-tool-ok");
        assertThat(result.numTurns()).isEqualTo(2);
        ToolResult output = sink.events().stream().filter(ToolResult.class::isInstance).map(ToolResult.class::cast)
                .findFirst().orElseThrow();
        assertThat(output.isError()).isFalse();
        assertThat(output.toolCallId()).isEqualTo("call_fake_1");
    }

    @Test
    void deniedCommandDoesNotRunAndTheModelSeesTheReason() {
        SessionChannel channel = open(PermissionMode.DEFAULT);
        channel.send("cm-1", UserMessage.text("use the tool"));

        channel.answer(sink.await(Permission.class).request(), PermissionDecision.deny("not today"));

        Result result = sink.awaitResult();
        assertThat(dir.resolve("approved.txt")).doesNotExist();
        assertThat(result.result()).contains("tool said: not today");
        assertThat(sink.events()).filteredOn(ToolResult.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ToolResult) e).content())
                        .isEqualTo("Error: request to call tool denied. User reason: not today"));
    }

    @Test
    void editedInputIsWhatRunsAndWhatTheToolCallShows() {
        SessionChannel channel = open(PermissionMode.DEFAULT);
        channel.send("cm-1", UserMessage.text("use the tool"));

        channel.answer(sink.await(Permission.class).request(),
                PermissionDecision.allow(Map.of("command", "touch edited.txt && echo edited")));

        assertThat(sink.awaitResult().result()).contains("tool said: edited");
        assertThat(dir.resolve("edited.txt")).exists();
        assertThat(dir.resolve("approved.txt")).doesNotExist();
        assertThat(sink.events()).filteredOn(ToolCall.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ToolCall) e).toolInput()).containsEntry("command",
                        "touch edited.txt && echo edited"));
    }

    @Test
    void denyWithInterruptEndsTheTurnInterrupted() {
        SessionChannel channel = open(PermissionMode.DEFAULT);
        channel.send("cm-1", UserMessage.text("use the tool"));

        channel.answer(sink.await(Permission.class).request(), PermissionDecision.denyAndInterrupt("stop"));

        assertThat(sink.awaitResult().status()).isEqualTo(Result.Status.INTERRUPTED);
    }

    @Test
    void staleAnswerIsIgnored() {
        SessionChannel channel = open(PermissionMode.DEFAULT);
        channel.send("cm-1", UserMessage.text("use the tool"));
        Permission asked = sink.await(Permission.class);
        channel.answer(asked.request(), PermissionDecision.allow());
        sink.awaitResult();

        channel.answer(asked.request(), PermissionDecision.deny("late"));

        assertThat(fake.sent(SentCommand.Kind.ANSWER)).hasSize(2);
    }

    @Test
    void bypassModeRunsWritingCommandsWithoutAsking() {
        SessionChannel channel = open(PermissionMode.BYPASS_PERMISSIONS);

        channel.send("cm-1", UserMessage.text("use the tool"));

        assertThat(sink.awaitResult().success()).isTrue();
        assertThat(sink.taken()).noneMatch(Permission.class::isInstance);
        assertThat(dir.resolve("approved.txt")).exists();
    }

    @Test
    void bypassModeStillAsksForToolsThatNeedTheUser() {
        SessionChannel channel = open(PermissionMode.BYPASS_PERMISSIONS);
        fake.enqueue(TurnScript.builder().toolCall("AskUserQuestion", Map.of("questions", List.of("why?")))
                .assistant("thanks").build());

        channel.send("cm-1", UserMessage.text("ask me"));

        Permission asked = sink.await(Permission.class);
        assertThat(asked.request().needsUserInput()).isTrue();
        channel.answer(asked.request(), PermissionDecision.allow(Map.of("answers", Map.of("why?", "because"))));
        assertThat(sink.awaitResult().success()).isTrue();
    }

    @Test
    void failingCommandIsAnErrorResultNotAFailedTurn() {
        SessionChannel channel = open(PermissionMode.BYPASS_PERMISSIONS);
        fake.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "echo broken >&2; exit 3"))
                .assistant("it failed").build());

        channel.send("cm-1", UserMessage.text("break"));

        assertThat(sink.awaitResult().success()).isTrue();
        assertThat(sink.events()).filteredOn(ToolResult.class::isInstance).singleElement().satisfies(e -> {
            assertThat(((ToolResult) e).isError()).isTrue();
            assertThat(((ToolResult) e).content()).contains("Exit code 3").contains("broken");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "echo hi => true", "ls -la && pwd => true", "cat a.txt | grep x => true", "git status => true",
            "touch a.txt => false", "echo hi > a.txt => false", "rm -rf x => false", "echo $(rm x) => false",
            "git commit -m x => false", "' ' => false"})
    void readOnlyCommandsAreTold(String command, boolean readOnly) {
        assertThat(PermissionPolicy.isReadOnly(command)).isEqualTo(readOnly);
    }

    private SessionChannel open(PermissionMode mode) {
        String agent = fake.agents().create(AgentOptions.builder().build());
        return fake.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().cwd(dir).permissionMode(mode).build(), sink);
    }
}
