package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Leave a stream early ({@code break}, as a TypeScript {@code for await} + {@code break}), then send again: the
 * next {@code stream()} takes over where the last one stopped, so nothing is lost and the new answer follows.
 */
public final class BreakOutOfAStream {

    private BreakOutOfAStream() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            System.out.println(run(client, agentId, Path.of("").toAbsolutePath(), "Say one word.", "Say another."));
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param first the message whose stream is left at its first answer
     * @param second the message sent next
     * @return the last result of the second stream
     */
    public static Optional<Result> run(LettaCodeClient client, String agentId, Path cwd, String first,
            String second) {
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            session.send(first);
            for (SessionEvent event : session.stream()) {
                if (event instanceof AssistantMessage) {
                    break;
                }
            }
            session.send(second);
            Result last = null;
            for (SessionEvent event : session.stream()) {
                if (event instanceof Result r) {
                    last = r;
                }
            }
            return Optional.ofNullable(last);
        }
    }
}
