package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code canUseTool}: allow, edit or deny each tool call that needs approval. This policy allows touching
 * {@value #ALLOWED_FILE}, denies any {@code rm}, and turns every other shell command into a dry run (an edit: the
 * tool runs with the input the callback returns). It answers at once; a callback that asks a person returns a
 * future completed later, and the turn waits for it.
 */
public final class ToolPermissions {

    /** The one file the policy lets the agent create. */
    public static final String ALLOWED_FILE = "notes.txt";
    /** The reason a delete is denied with; the model sees it in the tool's error result. */
    public static final String DENIAL = "this session never deletes files";

    private ToolPermissions() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            run(client, agentId, Path.of("").toAbsolutePath(), List.of("Create notes.txt with touch.",
                    "Create todo.txt with touch.", "Delete notes.txt with rm.")).forEach(System.out::println);
        }
    }

    /**
     * @param request a tool call that needs approval
     * @return the policy's decision
     */
    public static PermissionDecision decide(ToolPermissionRequest request) {
        Object command = request.toolInput().get("command");
        if (!"Bash".equals(request.toolName()) || command == null) {
            return PermissionDecision.deny("only shell commands are allowed");
        }
        if (command.toString().matches("(^|.*[;&| ])rm .*")) {
            return PermissionDecision.deny(DENIAL);
        }
        if (command.toString().equals("touch " + ALLOWED_FILE)) {
            return PermissionDecision.allow();
        }
        Map<String, Object> dryRun = new LinkedHashMap<>(request.toolInput());
        dryRun.put("command", "echo dry run: " + command);
        return PermissionDecision.allow(dryRun);
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory, where the tools run
     * @param messages what to send, one turn each
     * @return each tool result, {@code error: } first where the tool failed or was denied
     */
    public static List<String> run(LettaCodeClient client, String agentId, Path cwd, List<String> messages) {
        SessionOptions options = SessionOptions.builder().cwd(cwd)
                .permissionMode(PermissionMode.DEFAULT)
                .canUseTool(request -> CompletableFuture.completedFuture(decide(request)))
                .build();
        List<String> results = new ArrayList<>();
        try (Session session = client.createSession(agentId, options)) {
            for (String message : messages) {
                session.send(message);
                for (SessionEvent event : session.stream()) {
                    if (event instanceof ToolResult t) {
                        results.add((t.isError() ? "error: " : "") + t.content().strip());
                    }
                }
            }
        }
        return results;
    }
}
