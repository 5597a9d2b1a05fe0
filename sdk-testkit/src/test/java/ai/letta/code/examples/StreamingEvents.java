package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.Retry;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming every event type: one line per event of a turn, with the partial chunks on
 * ({@code includePartialMessages}). Tools run without asking ({@code BYPASS_PERMISSIONS}). On Java 21+ the chain
 * is a pattern {@code switch} over the sealed {@code SessionEvent}.
 */
public final class StreamingEvents {

    private StreamingEvents() {}

    /** @param args the message to send (optional) */
    public static void main(String[] args) {
        String message = args.length > 0 ? String.join(" ", args) : "Run echo hi and tell me what it said.";
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            run(client, agentId, Path.of("").toAbsolutePath(), message).forEach(System.out::println);
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory, where the tools run
     * @param message what to send
     * @return one line per event
     */
    public static List<String> run(LettaCodeClient client, String agentId, Path cwd, String message) {
        SessionOptions options = SessionOptions.builder().cwd(cwd)
                .permissionMode(PermissionMode.BYPASS_PERMISSIONS)
                .includePartialMessages(true)
                .build();
        List<String> lines = new ArrayList<>();
        try (Session session = client.createSession(agentId, options)) {
            session.send(message);
            for (SessionEvent event : session.stream()) {
                lines.add(describe(event));
            }
        }
        return lines;
    }

    /**
     * @param event any event
     * @return a line saying what it is
     */
    public static String describe(SessionEvent event) {
        if (event instanceof PartialEvent p) {
            return "partial " + p.kind() + ": " + p.delta();
        } else if (event instanceof Reasoning r) {
            return "reasoning: " + r.content();
        } else if (event instanceof ToolCall c) {
            return "tool call: " + c.toolName() + " " + c.toolInput();
        } else if (event instanceof ToolResult t) {
            return "tool result" + (t.isError() ? " (error)" : "") + ": " + t.content().strip();
        } else if (event instanceof AssistantMessage m) {
            return "assistant: " + m.content();
        } else if (event instanceof QueueUpdate q) {
            return "queue: " + q.queue().size() + " waiting";
        } else if (event instanceof Retry r) {
            return "retry " + r.attempt() + "/" + r.maxAttempts() + " in " + r.delay().toMillis() + " ms: "
                    + r.reason();
        } else if (event instanceof ErrorEvent e) {
            return "error: " + e.message();
        } else if (event instanceof Result r) {
            return "result: " + r.status() + r.result().map(text -> " " + text).orElse("");
        }
        return "other: " + event.type();                                   // UnknownEvent: a kind this SDK predates
    }
}
