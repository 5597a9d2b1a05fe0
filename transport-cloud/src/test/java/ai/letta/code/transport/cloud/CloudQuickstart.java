package ai.letta.code.transport.cloud;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The README's cloud quickstart, runnable: creates an agent with a persona and a human block on the cloud backend,
 * opens a session in a managed sandbox with the current directory as its {@code cwd}, sends the onboarding prompt
 * and prints the streamed events, with the approvals the agent asked for.
 *
 * <p>Where it runs, said on the first line of output:
 * <ul>
 *   <li>{@code LETTA_API_KEY} set: Letta Cloud ({@code LETTA_BASE_URL} or {@code https://api.letta.com}), through
 *       {@link CloudOptions#fromEnvironment}, in a managed sandbox; the {@code cwd} is then a path inside the
 *       sandbox, which has its own file system;</li>
 *   <li>else offline: sdk-testkit's {@link FakeLettaCloud} on 127.0.0.1, whose managed sandbox is a REAL pinned
 *       Letta Code listener ({@code letta server --computer-name}) spawned on this machine. Its model is scripted
 *       on the fake's Letta API: the agent counts the README's sections with Bash, asks to write the memo, writes
 *       it, and reports. The listener's own directory is a scratch one, so the session's {@code cwd} (the
 *       directory the command runs in) is what makes the tools run here.</li>
 * </ul>
 * The memo goes to {@code target/CLOUD-ONBOARDING.md}. The permission callback allows a write of that one file and
 * denies anything else it is asked about; read-only commands need no approval in the default mode.
 *
 * <p>Run: {@code ./mvnw -q -pl transport-cloud -am -Pquickstart -DskipTests verify} (README).
 */
public final class CloudQuickstart {

    static final String PROMPT = "Look around this repository and leave a short onboarding memo for a new"
            + " contributor in target/CLOUD-ONBOARDING.md.";
    private static final String PERSONA = "You are Nimbus, a patient staff engineer who explains codebases in a few"
            + " plain sentences.";
    private static final String HUMAN = "The user joined the team this week and reads on a phone; keep it brief.";
    /** The tools that write files. */
    private static final Set<String> WRITE_TOOLS = Set.of("Write", "Edit", "MultiEdit");

    private CloudQuickstart() {}

    /**
     * @param args none
     * @throws Exception on setup failures (the turn's own failures are printed)
     */
    public static void main(String[] args) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path memo = cwd.resolve("target").resolve("CLOUD-ONBOARDING.md");
        String apiKey = System.getenv(CloudOptions.API_KEY_VARIABLE);
        int exit;
        if (apiKey != null && !apiKey.isBlank()) {
            CloudOptions options = CloudOptions.fromEnvironment(System.getenv()).build();
            System.out.println("Live cloud quickstart: LETTA_API_KEY is set, so the agent runs on Letta Cloud at "
                    + options.baseUrl() + ", its tools in a managed sandbox (cwd " + cwd
                    + " is a path inside the sandbox).");
            exit = run(options, cwd, memo);
        } else {
            PeerInstall peers = PeerInstall.locate();
            System.out.println("Offline cloud quickstart: no LETTA_API_KEY, so the SDK talks to a FAKE Letta Cloud"
                    + " on 127.0.0.1 (sdk-testkit's FakeLettaCloud), whose managed sandbox is a real Letta Code "
                    + peers.cliVersion() + " listener on this machine, driven by a SCRIPTED model, not an LLM.");
            try (FakeLettaCloud cloud = FakeLettaCloud.builder().warmSandboxes(1).start()) {
                cloud.api().enqueue(offlineTurn(memo));
                CloudOptions options = CloudOptions.builder(cloud.apiKey()).baseUrl(cloud.baseUrl())
                        .target(ExecutionTarget.sandbox().withPollInterval(Duration.ofMillis(100))
                                .withTerminateOnClose(true))
                        .build();
                exit = run(options, cwd, memo);
            }
        }
        System.exit(exit);
    }

    private static int run(CloudOptions backend, Path cwd, Path memo) throws IOException {
        Files.createDirectories(memo.getParent());
        try (LettaCodeClient client = LettaCode.create(backend)) {
            String agentId = client.createAgent(AgentOptions.builder().persona(PERSONA).human(HUMAN).build());
            SessionOptions options = SessionOptions.builder()
                    .cwd(cwd)
                    .permissionMode(PermissionMode.DEFAULT)
                    .canUseTool(memoWriteOnly(memo))
                    .build();
            long opening = System.nanoTime();
            try (Session session = client.createSession(agentId, options)) {
                System.out.println("agent " + agentId + " (persona: Nimbus; human: new this week), conversation "
                        + session.conversationId() + ", session (sandbox included) open in "
                        + (System.nanoTime() - opening) / 1_000_000 + " ms");
                System.out.println("> " + PROMPT);
                session.send(PROMPT);
                Result result = null;
                for (SessionEvent event : session.stream()) {
                    show(event);
                    if (event instanceof Result r) {
                        result = r;
                    }
                }
                boolean ok = result != null && result.success();
                if (ok && Files.isRegularFile(memo)) {
                    System.out.println("memo on disk: " + cwd.relativize(memo) + ", " + Files.size(memo) + " bytes");
                }
                return ok ? 0 : 1;
            }
        }
    }

    /** Approves a Write or Edit of the memo and nothing else; prints every approval request. */
    private static CanUseTool memoWriteOnly(Path memo) {
        return request -> {
            Object target = request.toolInput().containsKey("file_path") ? request.toolInput().get("file_path")
                    : request.toolInput().get("path");
            boolean writesMemo = target != null && WRITE_TOOLS.contains(request.toolName())
                    && cwdPath(memo, target.toString()).equals(memo);
            System.out.println("[approval requested] " + request.toolName() + " "
                    + clip(request.toolInput().toString(), 110) + " => " + (writesMemo ? "approve" : "deny"));
            return CompletableFuture.completedFuture(writesMemo ? PermissionDecision.allow()
                    : PermissionDecision.deny("This quickstart only approves writing " + memo.getFileName()));
        };
    }

    private static Path cwdPath(Path memo, String path) {
        Path cwd = memo.getParent().getParent();
        return cwd.resolve(path).toAbsolutePath().normalize();
    }

    private static void show(SessionEvent event) {
        String line;
        if (event instanceof Reasoning r) {
            line = "[thinking] " + r.content();
        } else if (event instanceof ToolCall c) {
            line = "[tool] " + c.toolName() + " " + clip(c.toolInput().toString(), 150);
        } else if (event instanceof ToolResult t) {
            line = (t.isError() ? "[tool failed] " : "[tool output] ")
                    + clip(t.content() == null ? "" : t.content().strip(), 150);
        } else if (event instanceof AssistantMessage m) {
            line = "[Nimbus] " + m.content();
        } else if (event instanceof ErrorEvent e) {
            line = "[error] " + e.message();
        } else if (event instanceof Result r) {
            line = "[done] " + r.status().name().toLowerCase(Locale.ROOT)
                    + (r.success() ? "" : " (" + r.errorDetail().or(r::error).orElse("") + ")") + " after " + r.numTurns()
                    + " model steps in " + r.duration().toMillis() + " ms";
        } else {
            return;
        }
        System.out.println(line);
    }

    private static String clip(String text, int max) {
        String flat = text.replace("\r", "").replace('\n', ' ');
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    /**
     * The offline model, one script of three steps answering the turn's three model requests in order: a
     * read-only Bash command that lists the README's sections (no approval needed), a Write of the memo (the
     * listener asks the SDK's callback), then a closing message that says whether the write went through.
     */
    static TurnScript offlineTurn(Path memo) {
        Duration pace = Duration.ofMillis(30);
        return TurnScript.builder().chunkDelay(pace)
                .reasoning("Before writing anything I want the README's outline: its section headings.")
                .toolCall("Bash", arguments("command", "grep -n '^## ' README.md",
                        "description", "List the README's top-level sections"))
                .reasoning("That outline is enough for a first memo. Writing it needs the user's approval.")
                .toolCall("Write", arguments("file_path", memo.toString(), "content", MEMO))
                .assistantFrom(CloudQuickstart::closing)
                .build();
    }

    private static String closing(TurnRequest request) {
        boolean written = request.toolResult().map(r -> !r.error()).orElse(false);
        return written ? "Done: target/CLOUD-ONBOARDING.md tells a newcomer what to read first and which command"
                + " proves the build works. Ask me about any module."
                : "The memo was not written (the write was refused or failed), so there is nothing to read yet.";
    }

    private static final String MEMO = """
            # Welcome aboard (cloud quickstart)

            Left by the offline cloud quickstart's scripted agent, after it listed the README's sections.

            1. Read README.md top to bottom: the backends table says where agents run.
            2. Run `./mvnw -B verify` once; it builds every module and runs the contract tests.
            3. Then open the transport you care about (local, remote or cloud) and its contract ITs.
            """;

    private static Map<String, Object> arguments(String... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
