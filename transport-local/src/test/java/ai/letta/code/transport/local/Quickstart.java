package ai.letta.code.transport.local;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
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
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.script.Responder;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's quickstart, runnable: creates an agent with a persona and a human block, opens a session in the
 * current directory on the real pinned Letta Code CLI, sends the onboarding-memo prompt and prints the streamed
 * events, with the approvals the agent asked for.
 *
 * <p>Which model it talks to, said on the first line of output:
 * <ul>
 *   <li>{@code LETTA_API_KEY} set: Letta's API ({@code LETTA_BASE_URL} or {@code https://api.letta.com});</li>
 *   <li>else a model provider configured for the CLI's local backend ({@code ~/.letta/lc-local-backend/providers/
 *       auth.json}, e.g. after {@code letta connect}): that provider;</li>
 *   <li>else offline: a scripted model ({@link FakeModelEndpoint}) that reads the README with Bash, asks to write
 *       the memo, and writes it; the CLI runs in a scratch {@code HOME} so the user's {@code ~/.letta} is untouched.</li>
 * </ul>
 * The memo goes to {@code target/ONBOARDING.md}. The permission callback allows writing that one file and denies
 * every other write; read-only commands need no approval in the default mode.
 *
 * <p>Run: {@code ./mvnw -q -pl transport-local -am -Pquickstart -DskipTests verify} (README).
 */
public final class Quickstart {

    static final String PROMPT = "Inspect this repository and write an onboarding memo to target/ONBOARDING.md.";
    private static final String PERSONA = "You are Patch, a careful senior engineer who writes crisp onboarding"
            + " notes.";
    private static final String HUMAN = "The user is new to this repository and prefers short, concrete answers.";

    private Quickstart() {}

    /**
     * @param args none
     * @throws Exception on setup failures (the turn's own failures are printed)
     */
    public static void main(String[] args) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path memo = cwd.resolve("target").resolve("ONBOARDING.md");
        PeerInstall cli = PeerInstall.locate();
        LocalOptions.Builder options = LocalOptions.builder().nodePath(cli.node()).cliPath(cli.cli())
                .env("LETTA_CODE_TELEM", "0").workingDirectory(cwd);
        String apiKey = System.getenv("LETTA_API_KEY");
        Path userProviders = LocalProviderRecord.path(Path.of(System.getProperty("user.home")));
        FakeModelEndpoint scripted = null;
        Path scratchHome = null;
        if (apiKey != null && !apiKey.isBlank()) {
            String url = System.getenv().getOrDefault("LETTA_BASE_URL", "https://api.letta.com");
            System.out.println("Live quickstart: LETTA_API_KEY is set, so the agent runs on Letta's API at " + url
                    + " (Letta Code CLI " + cli.cliVersion() + ", Node " + cli.nodeVersion() + ").");
            options.cliBackend(CliBackend.lettaApi(URI.create(url), apiKey));
        } else if (Files.isRegularFile(userProviders)) {
            System.out.println("Local-provider quickstart: no LETTA_API_KEY, but a model provider is configured for"
                    + " the CLI's local backend (" + userProviders + "), so the agent runs on it (Letta Code CLI "
                    + cli.cliVersion() + ").");
            options.cliBackend(CliBackend.localModels());
        } else {
            System.out.println("Offline quickstart: no model provider is configured (no LETTA_API_KEY, no "
                    + userProviders + "), so the real Letta Code CLI " + cli.cliVersion()
                    + " runs against a SCRIPTED model (sdk-testkit's FakeModelEndpoint), not an LLM.");
            scripted = FakeModelEndpoint.builder().responder(new OnboardingScript(memo)).start();
            scratchHome = Files.createTempDirectory("letta-quickstart-home-");
            LocalProviderRecord.writeOpenAiCompatible(scratchHome, scripted.baseUrl(), "offline");
            options.cliBackend(CliBackend.localModels()).env("HOME", scratchHome.toString());
        }
        int exit;
        try {
            exit = run(options.build(), cwd, memo);
        } finally {
            if (scripted != null) {
                scripted.close();
            }
            if (scratchHome != null) {
                LocalBackendPeer.delete(scratchHome);
            }
        }
        System.exit(exit);
    }

    private static int run(LocalOptions backend, Path cwd, Path memo) throws IOException {
        Files.createDirectories(memo.getParent());
        try (LettaCodeClient client = LettaCode.create(backend)) {
            String agentId = client.createAgent(AgentOptions.builder().persona(PERSONA).human(HUMAN).build());
            SessionOptions options = SessionOptions.builder()
                    .cwd(cwd)
                    .permissionMode(PermissionMode.DEFAULT)
                    .canUseTool(onlyTheMemo(memo))
                    .build();
            try (Session session = client.createSession(agentId, options)) {
                System.out.println("agent " + agentId + " (persona: Patch; human: new to the repo), conversation "
                        + session.conversationId() + ", cwd " + cwd);
                System.out.println("> " + PROMPT);
                session.send(PROMPT);
                Result result = null;
                for (SessionEvent event : session.stream()) {
                    print(event);
                    if (event instanceof Result r) {
                        result = r;
                    }
                }
                if (result != null && result.success() && Files.isRegularFile(memo)) {
                    System.out.println("memo written: " + cwd.relativize(memo) + " (" + Files.size(memo) + " bytes)");
                }
                return result != null && result.success() ? 0 : 1;
            }
        }
    }

    /** Allows writing the memo file, denies every other write; prints each approval the agent asked for. */
    private static CanUseTool onlyTheMemo(Path memo) {
        return request -> {
            Object path = request.toolInput().getOrDefault("file_path", request.toolInput().get("path"));
            boolean isMemo = ("Write".equals(request.toolName()) || "Edit".equals(request.toolName()))
                    && path != null && Path.of(path.toString()).toAbsolutePath().normalize().equals(memo);
            PermissionDecision decision = isMemo ? PermissionDecision.allow()
                    : PermissionDecision.deny("The quickstart only lets the agent write " + memo);
            System.out.println("[approval] " + request.toolName() + " " + oneLine(request.toolInput().toString(), 100)
                    + " -> " + (isMemo ? "allowed" : "denied"));
            return CompletableFuture.completedFuture(decision);
        };
    }

    private static void print(SessionEvent event) {
        if (event instanceof Reasoning r) {
            System.out.println("[reasoning] " + r.content());
        } else if (event instanceof ToolCall c) {
            System.out.println("[tool call] " + c.toolName() + " " + oneLine(c.toolInput().toString(), 160));
        } else if (event instanceof ToolResult t) {
            System.out.println("[tool result" + (t.isError() ? ", error" : "") + "] "
                    + oneLine(t.content() == null ? "" : t.content().strip(), 160));
        } else if (event instanceof AssistantMessage m) {
            System.out.println("[assistant] " + m.content());
        } else if (event instanceof ErrorEvent e) {
            System.out.println("[error] " + e.message());
        } else if (event instanceof Result r) {
            System.out.println("[result] " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (r.success() ? "" : ": " + r.errorDetail().or(r::error).orElse("")) + ", " + r.numTurns()
                    + " model steps, " + r.duration().toMillis() + " ms");
        }
    }

    private static String oneLine(String text, int max) {
        String line = text.replace("\r", "").replace("\n", " | ");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }

    /**
     * The offline model: reads the README with Bash (read-only, so no approval), then writes the memo with the
     * Write tool (which asks for approval), then reports. Decided from each request, so it answers the CLI's
     * follow-up requests of the one turn in order.
     */
    private static final class OnboardingScript implements Responder {
        private final Path memo;
        private final AtomicInteger step = new AtomicInteger();

        OnboardingScript(Path memo) {
            this.memo = memo;
        }

        @Override
        public TurnScript respond(TurnRequest request) {
            Duration pace = Duration.ofMillis(40);
            switch (step.getAndIncrement()) {
                case 0:
                    return TurnScript.builder().chunkDelay(pace)
                            .reasoning("A new reader needs to know what this repository is. The README says that.")
                            .toolCall("Bash", args("command", "head -n 12 README.md",
                                    "description", "Read the start of the README"))
                            .build();
                case 1:
                    String readme = request.toolResult().map(TurnRequest.ToolResult::content).orElse("");
                    return TurnScript.builder().chunkDelay(pace)
                            .reasoning("I have the README's opening. Now I write the memo, which needs approval.")
                            .toolCall("Write", args("file_path", memo.toString(), "content", memo(readme)))
                            .build();
                default:
                    boolean written = request.toolResult().map(r -> !r.error()).orElse(false);
                    return TurnScript.builder().chunkDelay(pace)
                            .assistant(written ? "I wrote " : "I could not write ", "target/ONBOARDING.md",
                                    written ? ": what the project is, how it is laid out, and the one command"
                                            + " that builds and tests it." : ".")
                            .build();
            }
        }

        private static String memo(String readme) {
            String title = readme.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2))
                    .orElse("this repository");
            // The first paragraph after the title, as far as the read went.
            String summary = readme.lines().dropWhile(l -> l.isBlank() || l.startsWith("#"))
                    .takeWhile(l -> !l.isBlank()).collect(java.util.stream.Collectors.joining(" ")).strip();
            summary = summary.isEmpty() ? "(the README has no summary paragraph)" : summary;
            return "# Onboarding memo: " + title + "\n\n"
                    + "Written by a scripted model in the offline quickstart, from the README's first lines.\n\n"
                    + "## What it is\n" + summary + "\n\n"
                    + "## Where to start\n- README.md: the quickstart and the module table\n"
                    + "- `./mvnw -B verify`: builds everything and runs every test\n";
        }

        private static Map<String, Object> args(String... keyValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
            return map;
        }
    }
}
