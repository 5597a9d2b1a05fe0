package ai.letta.code.examples;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Send while a message streams: the second message, sent at the first event of the first turn, is queued behind the
 * running turn and answered after it; the one {@code stream()} yields both answers and ends when nothing sent is
 * left unanswered. (Two messages sent before a turn starts may be answered as one turn, by peers that merge them.)
 */
public final class SendWhileStreaming {

    private SendWhileStreaming() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            run(client, agentId, Path.of("").toAbsolutePath(), "Count to three.", "Now backwards.")
                    .forEach(System.out::println);
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param first the first message
     * @param second the message sent while the first streams
     * @return the assistant's answers, in order
     */
    public static List<String> run(LettaCodeClient client, String agentId, Path cwd, String first, String second) {
        List<String> answers = new ArrayList<>();
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            session.send(first);
            boolean secondSent = false;
            try (EventStream stream = session.stream()) {
                for (SessionEvent event : stream) {
                    if (!secondSent) {                                     // the first turn is under way
                        session.send(second);                              // queued behind it
                        secondSent = true;
                    }
                    if (event instanceof AssistantMessage m) {
                        answers.add(m.content());
                    }
                }
            }
        }
        return answers;
    }
}
