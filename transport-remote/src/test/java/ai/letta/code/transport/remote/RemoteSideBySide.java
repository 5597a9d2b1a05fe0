package ai.letta.code.transport.remote;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.peer.ProcessTreeRss;
import ai.letta.code.testkit.peer.SideBySideReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The remote backend side by side with a raw websocket client ({@link RawAppServerClient}) on the same real pinned
 * app server, on its local backend with {@code lmstudio/*} models served by a {@link FakeModelEndpoint}
 * (deterministic answers), alternating run by run (the order flips every run). Per operation it prints medians
 * and p90s as a Markdown table (the README's "Benchmarks" section), then every value: session open
 * ({@code runtime_start} on an existing agent), first turn, later turns ({@code input} to {@code turn_finished};
 * the SDK's {@code send} to its {@code Result}), one-shot {@code prompt}, {@code createAgent}
 * ({@code agent_create}), {@code listModels}, {@code updateModel} and a reasoning effort at open
 * ({@code runtime_start} then {@code update_model}); the raw app server's spawn to {@code Listening} plus one
 * {@code runtime_start}; and the RSS of the app server's process tree with 1 and with 10 concurrent sessions on one
 * client. Numbers only, never assertions.
 *
 * <p>Run: {@code ./mvnw -q -pl transport-remote -am -Pside-by-side-remote -DskipTests verify [-Dbench.runs=7]} (it
 * provisions the pinned peers into {@code .peers/} first).
 */
public final class RemoteSideBySide {

    private static final String RAW = "raw";
    private static final String SDK = "sdk";

    private RemoteSideBySide() {
    }

    /**
     * @param args {@code [runs]} (default: the {@code bench.runs} property, else 7)
     * @throws Exception when a peer fails
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0])
                : Integer.getInteger("bench.runs", 7);
        PeerInstall install = PeerInstall.locate();
        SideBySideReport report = new SideBySideReport(List.of(RAW, SDK));
        System.out.printf(Locale.ROOT, "Letta Code CLI %s (app server), Node %s, %d CPUs, Java %s; %d alternating"
                + " runs per side%n", install.cliVersion(), install.nodeVersion(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), runs);
        try (SharedAppServer<FakeModelEndpoint> shared = SharedAppServer.onLocalBackend()) {
            for (int run = 0; run < Math.min(runs, 5); run++) {
                spawn(report, shared.fake());
            }
            String model = shared.model();
            try (LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(shared.server().wsUri())
                    .build());
                    RawAppServerClient raw = new RawAppServerClient(shared.server().wsUri())) {
                String agentId = client.createAgent(AgentOptions.builder().model(model).build());
                for (int run = 0; run < runs; run++) {
                    if (run % 2 == 0) {
                        raw(report, raw, agentId, model, run);
                        sdk(report, client, agentId, model, run);
                    } else {
                        sdk(report, client, agentId, model, run);
                        raw(report, raw, agentId, model, run);
                    }
                }
                memory(report, client, agentId, shared.server());
            }
        }
        System.out.println();
        System.out.println(report.table());
        System.out.println();
        System.out.print(report.details());
        System.exit(0);
    }

    /** The raw app server's start: spawn to {@code Listening}, then one {@code runtime_start} creating an agent. */
    private static void spawn(SideBySideReport report, FakeModelEndpoint model) throws Exception {
        long start = System.nanoTime();
        try (AppServerProcess server = AppServerProcess.builder().backend(PeerBackend.lmStudio(model.baseUrl()))
                .start();
                RawAppServerClient raw = new RawAppServerClient(server.wsUri())) {
            raw.runtimeStart(null, "lmstudio/" + SharedAppServer.MODEL_ID);
            report.series("app server spawn -> Listening + runtime_start", RAW).add(micros(start));
        }
    }

    private static void raw(SideBySideReport report, RawAppServerClient raw, String agentId, String model, int run)
            throws Exception {
        long start = System.nanoTime();
        JsonNode runtime = raw.runtimeStart(agentId, null);
        report.series("session open", RAW).add(micros(start));
        report.series("first turn", RAW).add(raw.turn(runtime, "hello " + run) / 1_000);
        for (int t = 0; t < 3; t++) {
            report.series("later turns", RAW).add(raw.turn(runtime, "again " + t) / 1_000);
        }
        start = System.nanoTime();
        raw.listModels();
        report.series("listModels", RAW).add(micros(start));
        start = System.nanoTime();
        raw.updateModel(runtime, model, null);
        report.series("updateModel", RAW).add(micros(start));
        start = System.nanoTime();
        raw.turn(raw.runtimeStart(agentId, null), "one shot " + run);
        report.series("prompt (one-shot)", RAW).add(micros(start));
        start = System.nanoTime();
        raw.createAgent(model);
        report.series("createAgent", RAW).add(micros(start));
        start = System.nanoTime();
        raw.updateModel(raw.runtimeStart(agentId, null), model, "none");
        report.series("open with a reasoning effort", RAW).add(micros(start));
    }

    private static void sdk(SideBySideReport report, LettaCodeClient client, String agentId, String model, int run) {
        long start = System.nanoTime();
        try (Session session = client.createSession(agentId, SessionOptions.defaults())) {
            report.series("session open", SDK).add(micros(start));
            report.series("first turn", SDK).add(SdkTurn.micros(session, "hello " + run));
            for (int t = 0; t < 3; t++) {
                report.series("later turns", SDK).add(SdkTurn.micros(session, "again " + t));
            }
            start = System.nanoTime();
            session.listModels();
            report.series("listModels", SDK).add(micros(start));
            start = System.nanoTime();
            session.updateModel(ModelUpdate.to(model));
            report.series("updateModel", SDK).add(micros(start));
        }
        start = System.nanoTime();
        PromptResult prompt = client.prompt("one shot " + run, agentId);
        report.series("prompt (one-shot)", SDK).add(micros(start));
        if (!prompt.success()) {
            throw new IllegalStateException("SDK prompt failed: " + prompt.turn());
        }
        start = System.nanoTime();
        client.createAgent(AgentOptions.builder().model(model).build());
        report.series("createAgent", SDK).add(micros(start));
        start = System.nanoTime();
        try (Session session = client.createSession(agentId, SessionOptions.builder().model(model)
                .reasoningEffort(ReasoningEffort.NONE).build())) {
            report.series("open with a reasoning effort", SDK).add(micros(start));
        }
    }

    /** The RSS of the app server's process tree with 1 and with 10 open sessions of one client. */
    private static void memory(SideBySideReport report, LettaCodeClient client, String agentId,
            AppServerProcess server) {
        ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
        List<Session> sessions = new ArrayList<>();
        try {
            sessions.add(client.createSession(agentId, SessionOptions.defaults()));
            SdkTurn.micros(sessions.get(0), "memory");
            long one = ProcessTreeRss.treeKib(root);
            for (int i = 1; i < 10; i++) {
                sessions.add(client.createSession(agentId, SessionOptions.defaults()));
            }
            sessions.forEach(s -> SdkTurn.micros(s, "memory"));
            long ten = ProcessTreeRss.treeKib(root);
            report.note(String.format(Locale.ROOT, "RSS of the app server's process tree (VmRSS summed) with 1 open"
                    + " session %d MiB, with 10 concurrent sessions on one client %d MiB (%.2f x); this JVM %d MiB",
                    one / 1024, ten / 1024, (double) ten / one, ProcessTreeRss.kib(ProcessHandle.current()) / 1024));
        } finally {
            sessions.forEach(Session::close);
        }
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
