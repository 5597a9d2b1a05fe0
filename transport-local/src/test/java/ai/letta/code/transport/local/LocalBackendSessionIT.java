package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Turns, approvals, queueing and abort against the real pinned CLI on its local backend and a scripted model. */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalBackendSessionIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void aPlainTurnStreamsReasoningAndOneJoinedAnswer() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            long spawn = System.nanoTime();
            try (SessionChannel channel = peer.open(sink)) {
                long ready = System.nanoTime();
                assertThat(channel.agentId()).startsWith("agent-local-");
                assertThat(channel.conversationId()).startsWith("local-conv-");
                channel.send("c1", UserMessage.text("ping"));
                Result result = sink.result(TURN);
                long done = System.nanoTime();
                assertThat(result.success()).as("result %s", result).isTrue();
                assertThat(result.text()).isEqualTo("pong");
                assertThat(sink.all(Reasoning.class)).extracting(Reasoning::content).containsExactly("thinking about ping");
                // The local backend streams "po" and "ng" as two lines sharing an id: one message reaches the engine.
                assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content).containsExactly("pong");
                Timings.record("session open (spawn -> system/init), local backend", ready - spawn);
                Timings.record("plain turn (send -> result), local backend", done - ready);
            }
        }
    }

    @Test
    void approvalsAllowDenyAndEditTheToolInput() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = peer.open(sink)) {
                // Deny: the command must not run.
                channel.send("c1", UserMessage.text("please use a tool"));
                ToolPermissionRequest ask = sink.permission(TURN);
                assertThat(ask.toolName()).isEqualTo("Bash");
                assertThat(ask.requestId()).isEqualTo("perm-" + ask.toolCallId());
                assertThat(ask.input()).containsEntry("command", "touch approved.txt && echo deterministic-tool-ok");
                channel.answer(ask, PermissionDecision.deny("denied by test"));
                Result denied = sink.result(TURN);
                assertThat(denied.success()).isTrue();
                assertThat(Files.exists(peer.work.resolve("approved.txt"))).isFalse();
                ToolResult deniedResult = sink.all(ToolResult.class).get(0);
                assertThat(deniedResult.isError()).isTrue();
                assertThat(deniedResult.content()).contains("denied by test");

                // Allow with edited input: the edited command runs instead.
                channel.send("c2", UserMessage.text("use a tool again"));
                ToolPermissionRequest ask2 = sink.permission(TURN);
                channel.answer(ask2, PermissionDecision.allow(Map.of("command", "touch edited.txt && echo edited-ok",
                        "description", "edited by the test")));
                assertThat(sink.result(TURN).success()).isTrue();
                assertThat(Files.exists(peer.work.resolve("edited.txt"))).isTrue();
                assertThat(Files.exists(peer.work.resolve("approved.txt"))).isFalse();

                // Allow: the scripted command runs in the session's working directory.
                long sent = System.nanoTime();
                channel.send("c3", UserMessage.text("one more tool please"));
                channel.answer(sink.permission(TURN), PermissionDecision.allow());
                Result allowed = sink.result(TURN);
                Timings.record("tool-call turn with approval (send -> result), local backend",
                        System.nanoTime() - sent);
                assertThat(allowed.success()).isTrue();
                assertThat(allowed.text()).isEqualTo("tool said: deterministic-tool-ok");
                assertThat(Files.exists(peer.work.resolve("approved.txt"))).isTrue();
                List<ToolCall> calls = sink.all(ToolCall.class);
                assertThat(calls).hasSize(3);
                assertThat(calls.get(2).toolInput()).containsKey("command");
                assertThat(sink.all(ToolResult.class).get(2).content()).isEqualTo("deterministic-tool-ok\n");
            }
        }
    }

    @Test
    void aSecondSendQueuesBehindTheTurnAndAbortKeepsTheSessionUsable() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = peer.open(sink)) {
                peer.model.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(300)).reasoning("slow")
                        .assistant("a", "b", "c", "d").build());
                channel.send("first", UserMessage.text("slow one"));
                sink.next(Reasoning.class, TURN);
                channel.send("second", UserMessage.text("ping"));
                Result first = sink.result(TURN);
                Result second = sink.result(TURN);
                assertThat(first.text()).isEqualTo("abcd");
                assertThat(second.text()).isEqualTo("pong");
                assertThat(sink.turns()).extracting(RecordingSink.TurnStarted::clientMessageIds)
                        .containsExactly(List.of("first"), List.of("second"));

                peer.model.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(500)).reasoning("long")
                        .assistant("1", "2", "3", "4", "5", "6", "7", "8", "9", "10").build());
                channel.send("third", UserMessage.text("take your time"));
                sink.next(e -> e instanceof AssistantMessage || e instanceof Reasoning r && r.content().equals("long"),
                        TURN, "the slow turn streaming");
                channel.interrupt();
                Result interrupted = sink.result(TURN);
                assertThat(interrupted.status()).isEqualTo(Result.Status.INTERRUPTED);
                assertThat(interrupted.errorCode()).isEqualTo(ai.letta.code.api.event.ErrorCode.INTERRUPTED);

                channel.send("fourth", UserMessage.text("ping"));
                assertThat(sink.result(TURN).text()).isEqualTo("pong");
            }
        }
    }

    @Test
    void modeAndDreamingAreAlwaysPassedExplicitly() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = peer.transport.sessions().open(
                    ai.letta.code.api.port.SessionTarget.newConversation(null),
                    peer.session().dreaming(Dreaming.stepCount(8)).build(), sink)) {
                StdioSessionChannel stdio = (StdioSessionChannel) channel;
                List<String> args = stdio.transport().command();
                assertThat(String.join(" ", args)).contains("--permission-mode standard")
                        .contains("--reflection-trigger step-count --reflection-step-count 8")
                        .contains("--backend local");
                channel.send("c1", UserMessage.text("ping"));
                assertThat(sink.result(TURN).success()).isTrue();
            }
        }
    }
}
