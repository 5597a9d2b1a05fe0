package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code canUseTool} and the permission modes, with Bash commands that write (so every real peer asks in default
 * mode) and, with {@link ContractFeature#RUNS_TOOLS}, the file on disk as the proof of what ran.
 */
public abstract class PermissionContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public PermissionContract() {}

    @Test
    void approvedToolCallRuns() {
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        Session session = open(newAgent(), options().canUseTool(request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(PermissionDecision.allow());
        }).build());
        peer.enqueue(shellTurn("touch approved.txt && echo contract-ok"));

        List<SessionEvent> events = turn(session, "write the file");

        assertThat(asked).hasSize(1);
        ToolPermissionRequest request = asked.get(0);
        assertThat(request.toolName()).isEqualTo("Bash");
        assertThat(request.toolCallId()).isNotBlank();
        assertThat(request.toolInput().get("command").toString()).contains("touch approved.txt");
        assertThat(request.needsUserInput()).isFalse();
        ToolResult result = ofType(events, ToolResult.class).get(0);
        assertThat(result.isError()).as("%s", result).isFalse();
        assertThat(last(events).success()).isTrue();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(peer.workDir().resolve("approved.txt")).exists();
            assertThat(last(events).result()).contains("tool said: contract-ok");
        }
    }

    @Test
    void deniedToolCallReturnsAnErrorAndDoesNotRun() {
        Session session = open(newAgent(), options()
                .canUseTool(request -> CompletableFuture.completedFuture(PermissionDecision.deny("denied by contract")))
                .build());
        peer.enqueue(shellTurn("touch denied.txt && echo contract-ok"));

        List<SessionEvent> events = turn(session, "write the file");

        assertDenied(events, "denied.txt", "denied by contract");
        assertThat(last(events).success()).as("a plain deny lets the turn go on: %s", last(events)).isTrue();
    }

    @Test
    void editedInputIsWhatRuns() {
        Session session = open(newAgent(), options().canUseTool(request -> CompletableFuture.completedFuture(
                PermissionDecision.allow(Map.of("command", "touch edited.txt && echo contract-edited",
                        "description", "the edited command")))).build());
        peer.enqueue(shellTurn("touch original.txt && echo contract-original"));

        List<SessionEvent> events = turn(session, "write the file");

        ToolResult result = ofType(events, ToolResult.class).get(0);
        assertThat(result.isError()).as("%s", result).isFalse();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(result.content()).contains("contract-edited");
            assertThat(peer.workDir().resolve("edited.txt")).exists();
            assertThat(peer.workDir().resolve("original.txt")).doesNotExist();
        }
    }

    @Test
    void asyncDecisionCompletedLaterOnAnotherThreadIsAwaited() throws Exception {
        CompletableFuture<PermissionDecision> decision = new CompletableFuture<>();
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        Session session = open(newAgent(), options().canUseTool(request -> {
            callbackThread.complete(Thread.currentThread());
            return decision;
        }).build());
        peer.enqueue(shellTurn("touch async.txt && echo contract-async"));

        session.send("write the file when allowed");
        EventRecorder recorder = record(session);
        Thread asked = callbackThread.get(turnTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Thread decider = new Thread(() -> decision.complete(PermissionDecision.allow()), "contract-late-decider");
        decider.start();
        List<SessionEvent> events = recorder.awaitEnd();

        assertThat(asked).isNotSameAs(Thread.currentThread());
        assertThat(last(events).success()).as("%s", last(events)).isTrue();
        assertThat(ofType(events, ToolResult.class).get(0).isError()).isFalse();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(peer.workDir().resolve("async.txt")).exists();
        }
    }

    @Test
    void throwingCallbackDeniesWithItsMessage() {
        Session session = open(newAgent(), options().canUseTool(request -> {
            throw new IllegalStateException("callback exploded in the contract");
        }).build());
        peer.enqueue(shellTurn("touch thrown.txt && echo contract-ok"));

        List<SessionEvent> events = turn(session, "write the file");

        assertDenied(events, "thrown.txt", "callback exploded in the contract");
    }

    @Test
    void missingCallbackInDefaultModeDeniesAndSaysHowToSetOne() {
        Session session = open(newAgent(), options().build());
        peer.enqueue(shellTurn("touch unasked.txt && echo contract-ok"));

        List<SessionEvent> events = turn(session, "write the file");

        assertDenied(events, "unasked.txt", "canUseTool");
    }

    @Test
    void bypassModeAllowsWithoutCallingTheCallback() {
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        Session session = open(newAgent(), options().permissionMode(PermissionMode.BYPASS_PERMISSIONS)
                .canUseTool(recordingDeny(asked)).build());
        peer.enqueue(shellTurn("touch bypass.txt && echo contract-bypass"));

        List<SessionEvent> events = turn(session, "write the file");

        assertThat(asked).isEmpty();
        assertThat(ofType(events, ToolResult.class).get(0).isError()).isFalse();
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(peer.workDir().resolve("bypass.txt")).exists();
        }
    }

    @Test
    void readOnlyCommandNeedsNoDecision() {
        List<ToolPermissionRequest> asked = new CopyOnWriteArrayList<>();
        Session session = open(newAgent(), options().canUseTool(recordingDeny(asked)).build());
        peer.enqueue(shellTurn("echo contract-read-only"));

        List<SessionEvent> events = turn(session, "just read");

        assertThat(asked).isEmpty();
        assertThat(ofType(events, ToolResult.class).get(0).isError()).isFalse();
        assertThat(last(events).success()).isTrue();
    }

    @Test
    void denyAndInterruptEndsTheTurnInterrupted() {
        Session session = open(newAgent(), options().canUseTool(request ->
                CompletableFuture.completedFuture(PermissionDecision.denyAndInterrupt("stop right there"))).build());
        peer.enqueue(shellTurn("touch interrupted.txt && echo contract-ok"));

        List<SessionEvent> events = turn(session, "write the file");

        assertThat(last(events).status()).as("%s", last(events)).isEqualTo(Result.Status.INTERRUPTED);
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(peer.workDir().resolve("interrupted.txt")).doesNotExist();
        }
        scriptedTurn(session, "are you still there?", "still here");
    }

    // ---- helpers ----

    private static CanUseTool recordingDeny(List<ToolPermissionRequest> asked) {
        return request -> {
            asked.add(request);
            return CompletableFuture.completedFuture(PermissionDecision.deny("the contract did not expect a prompt"));
        };
    }

    private void assertDenied(List<SessionEvent> events, String file, String reason) {
        List<ToolResult> results = ofType(events, ToolResult.class);
        assertThat(results).as("tool results in %s", events).hasSize(1);
        assertThat(results.get(0).isError()).isTrue();
        assertThat(results.get(0).content()).contains(reason);
        // A denied call is still reported: what was asked, then the failed result carrying the denial.
        List<ToolCall> calls = ofType(events, ToolCall.class);
        assertThat(calls).as("tool calls in %s", events).extracting(ToolCall::toolCallId)
                .containsExactly(results.get(0).toolCallId());
        assertThat(events.indexOf(calls.get(0))).isLessThan(events.indexOf(results.get(0)));
        if (has(ContractFeature.RUNS_TOOLS)) {
            assertThat(Files.exists(peer.workDir().resolve(file))).as(file + " exists").isFalse();
        }
    }
}
