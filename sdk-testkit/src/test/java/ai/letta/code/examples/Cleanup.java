package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.List;

/**
 * Cleanup: {@code close()} a session when done (idempotent; try-with-resources does it), and close the client,
 * which closes every session still open and stops what the backend started (the CLI, the socket).
 */
public final class Cleanup {

    private Cleanup() {}

    /** @param args none */
    public static void main(String[] args) {
        LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()));
        String agentId = client.createAgent(AgentOptions.builder().build());
        System.out.println(run(client, agentId, Path.of("").toAbsolutePath()));
    }

    /**
     * @param client the client, closed on return
     * @param agentId the agent
     * @param cwd the sessions' working directory
     * @return the states of a session closed twice and of one the client's close closed
     */
    public static List<SessionState> run(LettaCodeClient client, String agentId, Path cwd) {
        Session closedByItself = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build());
        Session closedByTheClient = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build());
        closedByItself.close();
        closedByItself.close();                                            // idempotent
        client.close();                                                    // closes what is still open
        return List.of(closedByItself.state(), closedByTheClient.state());
    }
}
