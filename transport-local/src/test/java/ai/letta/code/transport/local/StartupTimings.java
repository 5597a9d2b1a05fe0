package ai.letta.code.transport.local;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.CliProcess;
import ai.letta.code.testkit.peer.JsonMatch;
import ai.letta.code.testkit.peer.LettaCodeCli;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.transport.local.process.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Measures, in one run on one machine, what the README reports next to each other: the raw CLI's spawn to
 * {@code system/init} (the testkit's {@link LettaCodeCli}, no SDK), the SDK's session open (spawn to ready, through
 * {@code LettaCode.create(LocalOptions)}), and one scripted tool-call turn with an approval (send to
 * {@link Result}). All on the CLI's local backend with a {@link FakeModelEndpoint}; 5 runs each, median printed.
 * Numbers only, never assertions (a 2-core runner is not a benchmark).
 *
 * <p>Run: {@code ./mvnw -q -pl transport-local -am -Ptimings -DskipTests verify}.
 */
public final class StartupTimings {

    private static final int RUNS = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private StartupTimings() {}

    /**
     * @param args none
     * @throws Exception when a peer fails
     */
    public static void main(String[] args) throws Exception {
        PeerInstall install = PeerInstall.locate();
        System.out.println("Letta Code CLI " + install.cliVersion() + ", Node " + install.nodeVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version() + "; median of "
                + RUNS + " runs (all runs in ms)");
        try (FakeModelEndpoint model = FakeModelEndpoint.start()) {
            PeerBackend backend = PeerBackend.openAiCompatible(model.baseUrl());
            String cache = LaunchSpec.nodeCompileCache(System.getenv()).orElse(null);
            report("raw CLI spawn -> system/init (LettaCodeCli, fresh HOME, no compile cache)",
                    measure(() -> rawInit(LettaCodeCli.builder(install).backend(backend)
                            .env("NODE_DISABLE_COMPILE_CACHE", "1").build())));
            if (cache != null) {
                report("raw CLI spawn -> system/init (LettaCodeCli, fresh HOME, NODE_COMPILE_CACHE)",
                        measure(() -> rawInit(LettaCodeCli.builder(install).backend(backend)
                                .env(LaunchSpec.NODE_COMPILE_CACHE, cache).build())));
            }
            report("SDK session open, spawn -> ready (fresh HOME, default agent)",
                    measure(() -> sdkOpen(install, model)));
            Path home = Files.createTempDirectory("letta-timings-home-");
            try (LettaCodeClient client = client(install, model, home)) {
                String agentId = client.createAgent(ai.letta.code.api.agent.AgentOptions.builder()
                        .persona("You are a timing agent.").build());
                report("raw CLI spawn -> system/init (LettaCodeCli, existing agent --new, NODE_COMPILE_CACHE)",
                        measure(() -> rawInit(LettaCodeCli.builder(install).backend(backend)
                                .env("HOME", home.toString()).env(LaunchSpec.NODE_COMPILE_CACHE, String.valueOf(cache))
                                .args("--agent", agentId, "--new").build())));
                report("SDK session open, spawn -> ready (existing agent, new conversation)",
                        measure(() -> {
                            long start = System.nanoTime();
                            Session session = client.createSession(agentId, options(home));
                            long took = System.nanoTime() - start;
                            session.close();
                            return took;
                        }));
                try (Session session = client.createSession(agentId, options(home))) {
                    report("SDK tool-call turn with approval, send -> result (Bash, allowed)",
                            measure(() -> toolTurn(session)));
                }
            } finally {
                LocalBackendPeer.delete(home);
            }
        }
        System.exit(0);
    }

    private static long rawInit(LettaCodeCli cli) {
        try (CliProcess process = cli.start()) {
            process.awaitJson(JsonMatch.type("system", "init"), WAIT);
            return process.sinceSpawn().toNanos();
        }
    }

    private static long sdkOpen(PeerInstall install, FakeModelEndpoint model) throws Exception {
        Path home = Files.createTempDirectory("letta-timings-home-");
        try (LettaCodeClient client = client(install, model, home)) {
            long start = System.nanoTime();
            Session session = client.createSession(options(home));
            long took = System.nanoTime() - start;
            session.close();
            return took;
        } finally {
            LocalBackendPeer.delete(home);
        }
    }

    private static long toolTurn(Session session) {
        long start = System.nanoTime();
        session.send("please use a tool");
        Result result = null;
        boolean called = false;
        for (SessionEvent event : session.stream()) {
            called |= event instanceof ToolCall;
            if (event instanceof Result r) {
                result = r;
            }
        }
        long took = System.nanoTime() - start;
        if (result == null || !result.success() || !called) {
            throw new IllegalStateException("the scripted tool turn failed: " + result);
        }
        return took;
    }

    private static LettaCodeClient client(PeerInstall install, FakeModelEndpoint model, Path home) {
        LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
        // The stdio mode's start-up, next to the raw CLI's (LocalSideBySide measures both modes).
        return LettaCode.create(LocalOptions.builder().mode(LocalMode.STDIO).nodePath(install.node())
                .cliPath(install.cli())
                .cliBackend(CliBackend.localModels()).env("HOME", home.toString()).env("LETTA_CODE_TELEM", "0")
                .workingDirectory(home).build());
    }

    private static SessionOptions options(Path cwd) {
        return SessionOptions.builder().cwd(cwd).permissionMode(PermissionMode.DEFAULT)
                .canUseTool(request -> CompletableFuture.completedFuture(PermissionDecision.allow())).build();
    }

    private static long[] measure(Callable<Long> run) throws Exception {
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            nanos[i] = run.call();
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        List<Long> millis = new ArrayList<>();
        for (long n : nanos) {
            millis.add(n / 1_000_000);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-88s median %5d ms   [%s]%n", what, sorted[sorted.length / 2] / 1_000_000,
                millis.stream().map(String::valueOf).collect(Collectors.joining(" ")));
    }
}
