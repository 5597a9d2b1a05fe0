package ai.letta.code.transport.local;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.peer.ProcessTreeRss;
import ai.letta.code.testkit.peer.SideBySideReport;
import ai.letta.code.transport.local.process.CliArguments;
import ai.letta.code.transport.local.process.CliLocator;
import ai.letta.code.transport.local.process.LaunchSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The local backend side by side with a raw NDJSON driver ({@link RawCliDriver}) on the same pinned CLI, its own
 * local backend and a {@link FakeModelEndpoint} (deterministic answers), alternating run by run (the order flips
 * every run, so neither side always runs on a warmer machine). Per operation it prints medians and p90s as a
 * Markdown table (the README's "Benchmarks" section), then every value:
 * <ul>
 *   <li>session open (spawn to {@code system/init}; the SDK's {@code createSession} on an existing agent), first
 *   turn (send to {@code result}), later turns, one-shot {@code prompt} (spawn to {@code result});</li>
 *   <li>{@code createAgent}, {@code listModels}, {@code updateModel} and a reasoning effort at open, each against
 *   what the SDK runs for it on stdio (a {@code --new-agent} process, {@code letta model list|set});</li>
 *   <li>open and first turn in a fresh JVM per run ({@code cold JVM} rows: the harness starts itself again with
 *   {@code --cold raw|<variant>}), which is what a service pays on its first session;</li>
 *   <li>the RSS of the JVM's child processes with 1 and with 10 concurrent sessions on one client.</li>
 * </ul>
 * Numbers only, never assertions.
 *
 * <p>Run: {@code ./mvnw -q -pl transport-local -am -Pside-by-side -DskipTests verify [-Dbench.runs=7]
 * [-Dbench.coldRuns=5] [-Dbench.coldJvmArgs="-Xlog:class+load:file=/tmp/cold.log"]} (it provisions the pinned
 * peers into {@code .peers/} first). {@code bench.runs=0} measures only the cold-JVM rows.
 */
public final class LocalSideBySide {

    static final String MODEL = LocalBackendPeer.MODEL;
    private static final String RAW = "raw";

    /**
     * An SDK configuration measured against the raw driver: a name (the table's column) and what it sets on the
     * client's {@link LocalOptions.Builder}.
     *
     * @param name the column name
     * @param options applied to the shared options
     */
    record SdkVariant(String name, UnaryOperator<LocalOptions.Builder> options) {}

    /** The SDK variants, each measured against the raw driver: the local backend's two modes. */
    static final List<SdkVariant> VARIANTS = List.of(
            new SdkVariant("sdk stdio", b -> b.mode(LocalMode.STDIO)),
            new SdkVariant("sdk app-server", b -> b.mode(LocalMode.APP_SERVER)));

    private final PeerInstall install = PeerInstall.locate();
    private final Path home;
    private final Path work;

    private LocalSideBySide(Path home, Path work) {
        this.home = home;
        this.work = work;
    }

    /**
     * @param args {@code [runs]} (default 7), or {@code --cold <side> <home> <work> <agent>} for one cold-JVM run
     *     (internal: the harness starts itself so)
     * @throws Exception when a peer fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cold")) {
            new LocalSideBySide(Path.of(args[2]), Path.of(args[3])).coldRun(args[1], args[4]);
            System.exit(0);
        }
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0])
                : Integer.getInteger("bench.runs", 7);
        Path home = Files.createTempDirectory("letta-bench-home-");
        Path work = Files.createTempDirectory("letta-bench-work-");
        try (FakeModelEndpoint model = FakeModelEndpoint.start()) {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
            new LocalSideBySide(home, work).run(runs);
        } finally {
            LocalBackendPeer.delete(home);
            LocalBackendPeer.delete(work);
        }
        System.exit(0);
    }

    private void run(int runs) throws Exception {
        List<String> sides = new ArrayList<>(List.of(RAW));
        VARIANTS.forEach(v -> sides.add(v.name()));
        SideBySideReport report = new SideBySideReport(sides);
        System.out.printf(Locale.ROOT, "Letta Code CLI %s, Node %s, %d CPUs, Java %s; %d alternating runs per side%n",
                install.cliVersion(), install.nodeVersion(), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), runs);
        List<LettaCodeClient> clients = new ArrayList<>();
        try {
            for (SdkVariant variant : VARIANTS) {
                clients.add(LettaCode.create(variant.options().apply(options()).build()));
            }
            String agentId = clients.get(0).createAgent(AgentOptions.builder().model(MODEL).build());
            LaunchSpec spec = launchSpec();
            for (int run = 0; run < runs; run++) {
                boolean rawFirst = run % 2 == 0;
                if (rawFirst) {
                    raw(report, spec, agentId, run);
                }
                for (int v = 0; v < VARIANTS.size(); v++) {
                    sdk(report, VARIANTS.get(v).name(), clients.get(v), agentId, run);
                }
                if (!rawFirst) {
                    raw(report, spec, agentId, run);
                }
            }
            for (int run = 0; run < Integer.getInteger("bench.coldRuns", 5); run++) {
                List<String> order = new ArrayList<>(sides);
                if (run % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String side : order) {
                    cold(report, side, agentId);
                }
            }
            for (int v = 0; v < VARIANTS.size() && runs > 0; v++) {
                memory(report, VARIANTS.get(v), agentId);
            }
        } finally {
            clients.forEach(LettaCodeClient::close);
        }
        System.out.println();
        System.out.println(report.table());
        System.out.println();
        System.out.print(report.details());
    }

    /** One raw run of every operation. */
    private void raw(SideBySideReport report, LaunchSpec spec, String agentId, int run) throws Exception {
        List<String> sessionArgs = CliArguments.session(SessionTarget.newConversation(agentId), session().build());
        String conversation;
        try (RawCliDriver cli = RawCliDriver.spawn(spec, sessionArgs)) {
            conversation = cli.awaitInit().path("conversation_id").asString();
            report.series("session open", RAW).add(cli.sinceSpawn() / 1_000);
            report.series("first turn", RAW).add(cli.turn("hello " + run) / 1_000);
            for (int t = 0; t < 3; t++) {
                report.series("later turns", RAW).add(cli.turn("again " + t) / 1_000);
            }
        }
        try (RawCliDriver cli = RawCliDriver.spawn(spec, sessionArgs)) {
            cli.awaitInit();
            cli.turn("one shot " + run);
            report.series("prompt (one-shot)", RAW).add(cli.sinceSpawn() / 1_000);
        }
        long start = System.nanoTime();
        try (RawCliDriver cli = RawCliDriver.spawn(spec, CliArguments.newAgent(AgentOptions.builder().build()))) {
            cli.awaitInit();
        }
        report.series("createAgent", RAW).add(micros(start));
        start = System.nanoTime();
        RawCliDriver.subcommand(spec, List.of("model", "list"));
        report.series("listModels", RAW).add(micros(start));
        start = System.nanoTime();
        RawCliDriver.subcommand(spec, List.of("model", "set", MODEL, "--conversation", conversation));
        report.series("updateModel", RAW).add(micros(start));
        start = System.nanoTime();
        try (RawCliDriver cli = RawCliDriver.spawn(spec, sessionArgs)) {
            String opened = cli.awaitInit().path("conversation_id").asString();
            RawCliDriver.subcommand(spec, List.of("model", "set", MODEL, "--reasoning", "none", "--conversation",
                    opened));
            report.series("open with a reasoning effort", RAW).add(micros(start));
        }
    }

    /** One SDK run of every operation. */
    private void sdk(SideBySideReport report, String side, LettaCodeClient client, String agentId, int run) {
        long start = System.nanoTime();
        try (Session session = client.createSession(agentId, session().build())) {
            report.series("session open", side).add(micros(start));
            report.series("first turn", side).add(turn(session, "hello " + run));
            for (int t = 0; t < 3; t++) {
                report.series("later turns", side).add(turn(session, "again " + t));
            }
            start = System.nanoTime();
            session.listModels();
            report.series("listModels", side).add(micros(start));
            start = System.nanoTime();
            session.updateModel(ModelUpdate.to(MODEL));
            report.series("updateModel", side).add(micros(start));
        }
        start = System.nanoTime();
        PromptResult prompt = client.prompt("one shot " + run, agentId, session().build());
        report.series("prompt (one-shot)", side).add(micros(start));
        if (!prompt.success()) {
            throw new IllegalStateException("SDK prompt failed: " + prompt.turn());
        }
        start = System.nanoTime();
        client.createAgent(AgentOptions.builder().build());
        report.series("createAgent", side).add(micros(start));
        start = System.nanoTime();
        try (Session session = client.createSession(agentId, session().reasoningEffort(ReasoningEffort.NONE)
                .build())) {
            report.series("open with a reasoning effort", side).add(micros(start));
        }
    }

    /** Starts this harness in a fresh JVM for one cold open and first turn, and records what it printed. */
    private void cold(SideBySideReport report, String side, String agentId) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dletta.peers.dir=" + install.directory()));
        String jvmArgs = System.getProperty("bench.coldJvmArgs", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
            command.add("-Dbench.marks=true");
        }
        command.addAll(List.of(LocalSideBySide.class.getName(), "--cold", side, home.toString(), work.toString(),
                agentId));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || child.exitValue() != 0) {
            child.destroyForcibly();
            throw new IllegalStateException("cold run " + side + " failed: " + out);
        }
        for (String line : out.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length == 7 && f[0].equals("COLD")) {
                report.series("cold JVM: session open", side).add(Long.parseLong(f[1]));
                report.series("cold JVM: CPU the JVM used during the open", side).add(Long.parseLong(f[6]));
                report.series("cold JVM: first turn", side).add(Long.parseLong(f[2]));
                report.series("cold JVM: first turn beyond the CLI's duration_ms", side).add(Long.parseLong(f[3]));
                report.series("cold JVM: CPU the JVM used during the first turn", side).add(Long.parseLong(f[4]));
                report.series("cold JVM: second turn", side).add(Long.parseLong(f[5]));
            }
        }
    }

    /**
     * In the child JVM: one open, first and second turn; prints
     * {@code COLD <open> <first> <beyond> <cpu> <second> <open cpu>} in µs, where beyond is the first turn minus the CLI's own {@code duration_ms} and cpu the JVM's CPU time
     * (user + system, all threads) during the first turn: on a 2-core machine what the JVM burns then (class loading,
     * JIT compiles) is taken from the CLI.
     */
    private void coldRun(String side, String agentId) throws Exception {
        long open;
        long first;
        long beyondCli;
        long cpu;
        long second;
        long openCpuBefore = jvmCpuMicros();
        long openCpu;
        if (side.equals(RAW)) {
            try (RawCliDriver cli = RawCliDriver.spawn(launchSpec(),
                    CliArguments.session(SessionTarget.newConversation(agentId), session().build()))) {
                cli.awaitInit();
                open = cli.sinceSpawn() / 1_000;
                openCpu = jvmCpuMicros() - openCpuBefore;
                mark(FirstTurnBegins::new);
                Map<String, Long> threadsBefore = threadCpuMicros();
                long cpuBefore = jvmCpuMicros();
                first = cli.turn("cold hello") / 1_000;
                cpu = jvmCpuMicros() - cpuBefore;
                mark(FirstTurnEnded::new);
                printThreadCpu(side, threadsBefore);
                beyondCli = first - cli.lastDurationMs() * 1_000;
                second = cli.turn("cold again") / 1_000;
            }
        } else {
            SdkVariant variant = VARIANTS.stream().filter(v -> v.name().equals(side)).findFirst().orElseThrow();
            try (LettaCodeClient client = LettaCode.create(variant.options().apply(options()).build())) {
                openCpuBefore = jvmCpuMicros();
                long start = System.nanoTime();
                try (Session session = client.createSession(agentId, session().build())) {
                    open = micros(start);
                    openCpu = jvmCpuMicros() - openCpuBefore;
                    Result[] result = new Result[1];
                    mark(FirstTurnBegins::new);
                    Map<String, Long> threadsBefore = threadCpuMicros();
                    long cpuBefore = jvmCpuMicros();
                    first = turn(session, "cold hello", result);
                    cpu = jvmCpuMicros() - cpuBefore;
                    mark(FirstTurnEnded::new);
                    printThreadCpu(side, threadsBefore);
                    beyondCli = first - result[0].duration().toNanos() / 1_000;
                    second = turn(session, "cold again");
                }
            }
        }
        System.out.println("COLD " + open + " " + first + " " + beyondCli + " " + cpu + " " + second + " " + openCpu);
    }

    /** @return this JVM's CPU time, user + system, from {@code /proc/self/stat} (10 ms ticks), or 0 elsewhere */
    private static long jvmCpuMicros() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat(5), counted from the state (field 3) here; clock ticks of 10 ms.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return CPU time per thread ({@code /proc/self/task}), keyed by name and id */
    private static Map<String, Long> threadCpuMicros() {
        Map<String, Long> cpu = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    cpu.put(name + "#" + task.getFileName(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000);
                } catch (java.io.IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            });
        } catch (java.io.IOException e) {
            // No procfs: nothing to show.
        }
        return cpu;
    }

    /** With JVM flags for the cold runs, prints (stderr) which threads used CPU during the first turn. */
    private static void printThreadCpu(String side, Map<String, Long> before) {
        if (!Boolean.getBoolean("bench.marks")) {
            return;
        }
        StringBuilder out = new StringBuilder("[cold " + side + "] CPU ms per thread during the first turn:");
        threadCpuMicros().forEach((thread, micros) -> {
            long delta = micros - before.getOrDefault(thread, 0L);
            if (delta > 0) {
                out.append(' ').append(thread).append('=').append(delta / 1_000);
            }
        });
        System.err.println(out);
    }

    /**
     * With JVM flags for the cold runs, loads a marker class, so a {@code -Xlog:class+load} log shows where the
     * first turn begins and ends among the classes it loads.
     */
    private static void mark(java.util.function.Supplier<Object> marker) {
        if (Boolean.getBoolean("bench.marks")) {
            marker.get();
        }
    }

    /** Loaded as the first cold turn begins (see {@link #mark}). */
    private static final class FirstTurnBegins {}

    /** Loaded when the first cold turn has ended (see {@link #mark}). */
    private static final class FirstTurnEnded {}

    /**
     * The RSS of a new client's child processes (its CLIs or its server, and what they started) with 1 and 10 open
     * sessions, measured from before the client exists.
     */
    private void memory(SideBySideReport report, SdkVariant variant, String agentId) {
        ProcessHandle jvm = ProcessHandle.current();
        long before = ProcessTreeRss.descendantsKib(jvm);
        List<Session> sessions = new ArrayList<>();
        try (LettaCodeClient client = LettaCode.create(variant.options().apply(options()).build())) {
            try {
                sessions.add(client.createSession(agentId, session().build()));
                turn(sessions.get(0), "memory");
                long one = ProcessTreeRss.descendantsKib(jvm) - before;
                for (int i = 1; i < 10; i++) {
                    sessions.add(client.createSession(agentId, session().build()));
                }
                sessions.forEach(s -> turn(s, "memory"));
                long ten = ProcessTreeRss.descendantsKib(jvm) - before;
                report.note(String.format(Locale.ROOT, "%s: RSS of the client's child process tree (VmRSS summed;"
                        + " shared pages count once per process) with 1 open session %d MiB, with 10 concurrent"
                        + " sessions on one client %d MiB (%.2f x); the JVM itself %d MiB", variant.name(),
                        one / 1024, ten / 1024, (double) ten / one, ProcessTreeRss.kib(jvm) / 1024));
            } finally {
                sessions.forEach(Session::close);
            }
        }
    }

    private static long turn(Session session, String text) {
        return turn(session, text, new Result[1]);
    }

    /** @param result receives the turn's {@link Result} */
    private static long turn(Session session, String text, Result[] result) {
        long start = System.nanoTime();
        session.send(text);
        for (SessionEvent event : session.stream()) {
            if (event instanceof Result r) {
                result[0] = r;
            }
        }
        long took = micros(start);
        if (result[0] == null || !result[0].success()) {
            throw new IllegalStateException("SDK turn failed: " + result[0]);
        }
        return took;
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    private LocalOptions.Builder options() {
        return LocalOptions.builder().nodePath(install.node()).cliPath(install.cli())
                .cliBackend(CliBackend.localModels()).env("HOME", home.toString()).env("LETTA_CODE_TELEM", "0")
                .workingDirectory(work).startupTimeout(Duration.ofSeconds(60));
    }

    private SessionOptions.Builder session() {
        return SessionOptions.builder().model(MODEL).permissionMode(PermissionMode.DEFAULT).cwd(work);
    }

    /** The SDK's own launch settings for these options: the raw driver runs exactly that command line. */
    private LaunchSpec launchSpec() {
        return LaunchSpec.of(options().build(), new CliLocator.CliInstallation(install.node(), install.cli(), null),
                System.getenv(), work).forSession(Map.of(), work);
    }
}
