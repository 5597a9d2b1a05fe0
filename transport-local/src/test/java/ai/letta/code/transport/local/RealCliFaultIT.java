package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.UserMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.process.LiveProcesses;
import ai.letta.code.transport.local.session.StdioSessionChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Failures and lifecycle edges against the real pinned CLI (local backend, scripted model). */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class RealCliFaultIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void killMinusNineMidTurnClosesTheSinkWithinASecond() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            SessionChannel channel = peer.open(sink);
            peer.model.enqueue(slowTurn());
            channel.send("c1", UserMessage.text("slow"));
            sink.awaitEvent(Reasoning.class, TURN);
            ProcessHandle cli = ProcessHandle.of(((StdioSessionChannel) channel).transport().pid()).orElseThrow();
            long killed = System.nanoTime();
            cli.destroyForcibly();
            assertThat(sink.closedWithin(Duration.ofSeconds(5))).isTrue();
            long latency = sink.awaitClosed(Duration.ZERO).atNanos() - killed;
            assertThat(Duration.ofNanos(latency)).isLessThan(Duration.ofSeconds(1));
            assertThat(sink.closeCause()).isInstanceOf(TransportLostException.class);
            assertThat(sink.closeCause().exitCode()).hasValue(137);
            Timings.record("kill -9 -> sink.onClosed", latency);
            channel.close();
        }
    }

    /** Issue 12 item 4: a tool's process survived {@code kill -9} of the CLI plus {@code close()}. */
    @Test
    void aToolProcessDiesWithTheSessionAfterTheCliWasKilled() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            SessionChannel channel = new LocalTransport(peer.options().build()).sessions().open(
                    ai.letta.code.spi.SessionTarget.newConversation(null),
                    peer.session().permissionMode(PermissionMode.BYPASS_PERMISSIONS).build(), sink);
            peer.model.enqueue(TurnScript.builder()
                    .toolCall("Bash", Map.of("command", "sleep 300.4711", "description", "wait")).build());
            channel.send("c1", UserMessage.text("wait"));
            ProcessHandle tool = awaitProcess("300.4711", TURN);
            ProcessHandle cli = ProcessHandle.of(((StdioSessionChannel) channel).transport().pid()).orElseThrow();

            cli.destroyForcibly();
            assertThat(sink.closedWithin(Duration.ofSeconds(5))).isTrue();
            channel.close();

            assertThat(tool.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    private static ProcessHandle awaitProcess(String argument, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<ProcessHandle> found = ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(argument)).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no process with argument " + argument + " within " + timeout);
    }

    @Test
    void closeDuringATurnReturnsAndReportsARequestedClose() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            SessionChannel channel = new LocalTransport(peer.options().closeGracePeriod(Duration.ofMillis(500)).build())
                    .sessions().open(ai.letta.code.spi.SessionTarget.newConversation(null),
                            peer.session().build(), sink);
            peer.model.enqueue(slowTurn());
            channel.send("c1", UserMessage.text("slow"));
            sink.awaitEvent(Reasoning.class, TURN);
            long start = System.nanoTime();
            channel.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(sink.closedWithin(Duration.ofSeconds(1))).isTrue();
            assertThat(sink.closeCause()).isNull();
        }
    }

    @Test
    void aPermissionNeverAnsweredDoesNotBlockClose() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            RecordingSink sink = new RecordingSink();
            SessionChannel channel = peer.open(sink);
            channel.send("c1", UserMessage.text("please use a tool"));
            sink.awaitPermission(TURN);
            long start = System.nanoTime();
            channel.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            assertThat(sink.closedWithin(Duration.ofSeconds(1))).isTrue();
            assertThat(java.nio.file.Files.exists(peer.work.resolve("approved.txt"))).isFalse();
        }
    }

    @Test
    void aFlagTheCliRejectsSurfacesItsStderr() {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            LocalTransport transport = new LocalTransport(peer.options().extraArgs(List.of("--block-value",
                    "persona=x")).build());
            assertThatThrownBy(() -> transport.sessions().open(
                    ai.letta.code.spi.SessionTarget.newConversation(null), peer.session().build(),
                    new RecordingSink()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Unknown option '--block-value'")
                    .satisfies(e -> assertThat(((TransportException) e).exitCode()).hasValue(1));
        }
    }

    @Test
    void openCloseCyclesLeaveNoProcessAndNoThread() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer()) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            for (int i = 0; i < 3; i++) {
                RecordingSink sink = new RecordingSink();
                try (SessionChannel channel = peer.open(sink)) {
                    channel.send("c", UserMessage.text("ping"));
                    assertThat(sink.awaitResult(TURN).success()).isTrue();
                }
                assertThat(sink.closedWithin(Duration.ofSeconds(1))).isTrue();
            }
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
            assertThat(LiveProcesses.count()).isZero();
            assertThat(cliThreads(before)).isEmpty();
        }
    }

    @Test
    void apiModePassesTheBaseUrlAndKeyExplicitly() throws Exception {
        try (ApiModeContractPeer peer = new ApiModeContractPeer()) {
            var session = peer.client().createSession(ai.letta.code.api.SessionOptions.builder()
                    .cwd(peer.workDir()).build());
            session.send("ping");
            for (var event : session.stream()) {
                // drain to the result
            }
            session.close();
            assertThat(peer.api().requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization"))
                    .hasValue("Bearer test-key"));
        }
    }

    static List<Thread> cliThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<Thread> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(t -> t.getName().startsWith("letta-cli-") && t.isAlive()).toList();
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }

    private static TurnScript slowTurn() {
        return TurnScript.builder().chunkDelay(Duration.ofMillis(500)).reasoning("slow thinking")
                .assistant("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12").build();
    }
}
