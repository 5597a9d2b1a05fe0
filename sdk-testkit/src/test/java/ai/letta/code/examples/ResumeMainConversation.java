package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;

/**
 * Resume an agent's main conversation: {@code resumeSession(agentId)}, the same call as {@link ResumeConversation}
 * with the agent's id. Every backend reports the agent id as that conversation's {@code conversationId()}.
 */
public final class ResumeMainConversation {

    private ResumeMainConversation() {}

    /** @param args the agent id (optional: a new agent) */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = args.length > 0 ? args[0] : client.createAgent(AgentOptions.builder().build());
            System.out.println(run(client, agentId, Path.of("").toAbsolutePath(), "hello"));
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param message what to send
     * @return the main conversation (its id is the agent's) and the answer
     */
    public static ConversationTurn run(LettaCodeClient client, String agentId, Path cwd, String message) {
        return ResumeConversation.run(client, agentId, cwd, message);
    }
}
