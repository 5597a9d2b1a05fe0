package ai.letta.code.examples;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;

/**
 * Session options with dreaming: the agent reflects on the conversation (updates its memory in the background)
 * every 8 model steps. Remote and cloud sessions can change it later with {@code session.updateDreaming(...)};
 * the local CLI takes it when the session opens.
 */
public final class DreamingSession {

    private DreamingSession() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            System.out.println(run(client, agentId, Path.of("").toAbsolutePath(), "Remember that I prefer tabs."));
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param message what to send
     * @return the turn's result
     */
    public static Result run(LettaCodeClient client, String agentId, Path cwd, String message) {
        SessionOptions options = SessionOptions.builder()
                .cwd(cwd)
                .dreaming(Dreaming.stepCount(8))                          // reflect every 8 model steps
                .build();
        try (Session session = client.createSession(agentId, options)) {
            session.send(message);
            return session.stream().result();
        }
    }
}
