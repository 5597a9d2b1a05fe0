package ai.letta.code.transport.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import ai.letta.code.transport.remote.internal.FrameChannel;
import ai.letta.code.transport.remote.internal.WebSocketConnection;
import ai.letta.code.transport.remote.internal.WebSocketTarget;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LoopbackServer} on the real pinned CLI (its offline deterministic local backend): where it listens, who may
 * connect, where its token goes, and how its end is reported.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(60)
class LoopbackServerIT {

    private Path home;
    private Path work;

    @BeforeEach
    void dirs() throws IOException {
        home = Files.createTempDirectory("letta-loopback-home-");
        work = Files.createTempDirectory("letta-loopback-work-");
    }

    @AfterEach
    void deleteDirs() {
        delete(home);
        delete(work);
    }

    @Test
    void listensOnLoopbackAndAcceptsOnlyItsOwnToken() throws Exception {
        try (LoopbackServer server = start()) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.uri().getPath()).isEqualTo("/ws");
            assertThat(server.toString()).doesNotContain(server.token());
            Path tokenFile = Path.of(argumentAfter(server.pid(), "--ws-token-file"));
            assertThat(tokenFile).as("the token file is gone once the server listens").doesNotExist();
            assertThat(tokenFile.getParent()).doesNotExist();

            var group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            try {
                assertThat(open(group, server, server.token() + "x")).failsWithin(Duration.ofSeconds(10))
                        .withThrowableThat().havingCause().isInstanceOf(AuthenticationException.class);
                assertThat(open(group, server, null)).failsWithin(Duration.ofSeconds(10))
                        .withThrowableThat().havingCause().isInstanceOf(AuthenticationException.class);
                FrameChannel channel = open(group, server, server.token()).get(10, TimeUnit.SECONDS);
                channel.close();
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void reportsAnExitItDidNotAskForButNotItsOwnStop() throws Exception {
        LoopbackServer crashed = start();
        try {
            ProcessHandle.of(crashed.pid()).orElseThrow().destroyForcibly();
            TransportException gone = crashed.exited().get(10, TimeUnit.SECONDS);
            assertThat(gone.exitCode()).hasValue(137);
            assertThat(gone.getMessage()).contains("pid " + crashed.pid()).doesNotContain(crashed.token());
        } finally {
            crashed.close();
        }

        LoopbackServer stopped = start();
        stopped.close();
        assertThat(ProcessHandle.of(stopped.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(stopped.exited()).isNotDone();
    }

    @Test
    void aServerThatCannotStartIsATypedErrorQuotingIt() {
        LaunchSpec broken = spec(Map.of("LETTA_LOCAL_BACKEND_EXPERIMENTAL", "1", "NODE_OPTIONS", "--no-such-flag"));
        assertThatThrownBy(() -> LoopbackServer.start(ProcessLauncher.commonsExec(), broken, 1 << 20,
                Duration.ofSeconds(20), () -> { })).isInstanceOf(TransportException.class)
                .hasMessageContaining("exited").hasMessageContaining("--no-such-flag");
    }

    private LoopbackServer start() {
        return LoopbackServer.start(ProcessLauncher.commonsExec(), spec(Map.of("LETTA_LOCAL_BACKEND_EXPERIMENTAL",
                "1", "LETTA_LOCAL_BACKEND_EXECUTOR", "deterministic")), 1 << 20, Duration.ofSeconds(30), () -> { });
    }

    private LaunchSpec spec(Map<String, String> backend) {
        PeerInstall install = PeerInstall.locate();
        Map<String, String> env = new java.util.LinkedHashMap<>(backend);
        env.put("HOME", home.toString());
        env.put("PATH", install.node().getParent() + ":/usr/bin:/bin");
        env.put("LETTA_CODE_TELEM", "0");
        return new LaunchSpec(List.of(install.node().toString(), install.cli().toString()), List.of(), env, work);
    }

    private static CompletableFuture<FrameChannel> open(io.netty.channel.EventLoopGroup group, LoopbackServer server,
            String token) {
        WebSocketTarget target = new WebSocketTarget(server.uri(), "the test's socket",
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), Duration.ofSeconds(5),
                1 << 20, "LocalOptions", "the test's token", "", null);
        return WebSocketConnection.open(group, target, new FrameChannel.Listener() {
            @Override
            public void onText(String text) {}

            @Override
            public void onClosed(int closeCode, Throwable cause) {}
        });
    }

    private static String argumentAfter(long pid, String flag) {
        // The SDK starts node directly: the server's own argv holds the flag.
        List<String> args = ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).map(Arrays::asList)
                .orElseThrow(() -> new AssertionError("no arguments visible for pid " + pid));
        int at = args.indexOf(flag);
        assertThat(at).as("%s in %s", flag, args).isNotNegative();
        return args.get(at + 1);
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
