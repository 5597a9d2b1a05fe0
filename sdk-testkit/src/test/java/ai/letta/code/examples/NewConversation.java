package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;

/** A new conversation: {@code createSession(agentId)} opens one; its id is what you resume later. */
public final class NewConversation {

    private NewConversation() {}

    /** @param args the agent id (optional: a new agent) */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = args.length > 0 ? args[0]
                    : client.createAgent(AgentOptions.builder().persona("You remember what you are told.").build());
            System.out.println(run(client, agentId, Path.of("").toAbsolutePath(),
                    "Remember: the build is ./mvnw verify"));
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param message what to send
     * @return the new conversation and the answer
     */
    public static ConversationTurn run(LettaCodeClient client, String agentId, Path cwd, String message) {
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            session.send(message);
            String answer = session.stream().result().result().orElse("");
            return new ConversationTurn(session.agentId(), session.conversationId(), answer);
        }
    }
}
