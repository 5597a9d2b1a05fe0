package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The quickstart: an agent with a persona and a human block, one session, one message, its streamed answer. */
public final class Quickstart {

    private Quickstart() {}

    /** @param args the message to send (optional) */
    public static void main(String[] args) {
        String message = args.length > 0 ? String.join(" ", args) : "Hi, who are you?";
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            run(client, Path.of("").toAbsolutePath(), message).forEach(System.out::println);
        }
    }

    /**
     * @param client the client
     * @param cwd the session's working directory
     * @param message what to send
     * @return what the example prints: the assistant's text, then whether the turn succeeded
     */
    public static List<String> run(LettaCodeClient client, Path cwd, String message) {
        String agentId = client.createAgent(AgentOptions.builder()
                .persona("You are Patch, a careful senior engineer.")
                .human("The user prefers short, concrete answers.")
                .build());
        SessionOptions options = SessionOptions.builder()
                .cwd(cwd)
                .permissionMode(PermissionMode.DEFAULT)
                .canUseToolSync(request -> request.toolName().equals("Bash")
                        ? PermissionDecision.allow() : PermissionDecision.deny("only Bash is allowed"))
                .build();
        List<String> printed = new ArrayList<>();
        try (Session session = client.createSession(agentId, options)) {
            session.send(message);
            for (SessionEvent event : session.stream()) {                 // ends after the turn's Result
                if (event instanceof AssistantMessage m) {
                    printed.add(m.content());
                } else if (event instanceof Result r) {
                    printed.add(r.success() ? "done" : "failed: " + r.errorDetail().or(r::error).orElse(""));
                }
            }
        }
        return printed;
    }
}
