package ai.letta.code.testkit.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures real-peer start-up the way offline-peers.md §9 does, through the testkit launchers: spawn to the
 * {@code system/init} line (stdio) and spawn to the {@code Listening} line (App Server), N runs each (default 5),
 * each with a fresh HOME, and prints every run and the median. Numbers are for the README, never for assertions.
 *
 * <p>Run: {@code java -cp <test classpath> ai.letta.code.testkit.peer.PeerStartupTimes [runs]}.
 */
public final class PeerStartupTimes {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private PeerStartupTimes() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PeerInstall install = PeerInstall.locate();
        System.out.printf("Node %s, Letta Code CLI %s, %d CPUs, Java %s, %d runs each%n", install.nodeVersion(),
                install.cliVersion(), Runtime.getRuntime().availableProcessors(), Runtime.version(), runs);
        LettaCodeCli deterministic = LettaCodeCli.builder(install).backend(PeerBackend.deterministic()).build();
        LettaCodeCli fakeHeadless = LettaCodeCli.builder(install).backend(PeerBackend.fakeHeadless()).build();
        report("stdio CLI, --backend local + deterministic executor: spawn -> system/init", runs, () -> untilInit(deterministic));
        report("stdio CLI, --backend local --dev-backend fake-headless: spawn -> system/init", runs, () -> untilInit(fakeHeadless));
        report("App Server, deterministic executor, no auth: spawn -> Listening", runs, () -> {
            try (AppServerProcess server = AppServerProcess.builder(install).startupTimeout(BOUND).start()) {
                return server.startupTime();
            }
        });
        report("App Server, deterministic executor, capability-token: spawn -> Listening", runs, () -> {
            try (AppServerProcess server = AppServerProcess.builder(install).capabilityToken()
                    .startupTimeout(BOUND).start()) {
                return server.startupTime();
            }
        });
    }

    private static Duration untilInit(LettaCodeCli launcher) {
        try (CliProcess cli = launcher.start()) {
            cli.awaitJson(JsonMatch.type("system", "init"), BOUND);
            return cli.sinceSpawn();
        }
    }

    private static void report(String label, int runs, Supplier<Duration> run) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(run.get().toMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("%-78s median %5d ms  runs %s%n", label, median, millis);
    }
}
