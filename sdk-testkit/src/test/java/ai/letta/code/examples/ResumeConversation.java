package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;

/**
 * Resume a conversation: {@code resumeSession(conversationId)} continues it, with its agent and its history.
 * {@code resumeSession(agentId)} resumes the agent's main conversation instead ({@link ResumeMainConversation}).
 */
public final class ResumeConversation {

    private ResumeConversation() {}

    /** @param args the conversation id (from {@link NewConversation}) */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ResumeConversation <conversation id>");
            System.exit(2);
        }
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            System.out.println(run(client, args[0], Path.of("").toAbsolutePath(), "What is the build command?"));
        }
    }

    /**
     * @param client the client
     * @param id a conversation id, or an agent id for its main conversation
     * @param cwd the session's working directory
     * @param message what to send
     * @return the conversation resumed and the answer
     */
    public static ConversationTurn run(LettaCodeClient client, String id, Path cwd, String message) {
        try (Session session = client.resumeSession(id, SessionOptions.builder().cwd(cwd).build())) {
            session.send(message);
            String answer = session.stream().result().result().orElse("");
            return new ConversationTurn(session.agentId(), session.conversationId(), answer);
        }
    }
}
