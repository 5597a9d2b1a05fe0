package ai.letta.code.examples;

import ai.letta.code.api.AbortOutcome;
import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Abort: {@code abort()} stops the running turn and returns once it has ended; the stream then yields its
 * {@code INTERRUPTED} result, and the session takes the next message as usual. Here the turn is aborted as soon
 * as the agent starts reasoning.
 */
public final class AbortTurn {

    private AbortTurn() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            run(client, agentId, Path.of("").toAbsolutePath(), "Think hard about a long essay.", "Are you there?")
                    .forEach(System.out::println);
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param message the message whose turn is aborted
     * @param after the message sent after the abort
     * @return what abort() returned, the aborted turn's status, then the next turn's answer
     */
    public static List<String> run(LettaCodeClient client, String agentId, Path cwd, String message, String after) {
        List<String> printed = new ArrayList<>();
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            session.send(message);
            try (EventStream stream = session.stream()) {
                for (SessionEvent event : stream) {
                    if (event instanceof Reasoning && printed.isEmpty()) {
                        AbortOutcome outcome = session.abort();          // returns when the turn has ended
                        printed.add("abort: " + outcome);
                    } else if (event instanceof Result r) {
                        printed.add("aborted turn: " + r.status());
                    }
                }
            }
            session.send(after);
            printed.add("next answer: " + session.stream().result().result().orElse(""));
        }
        return printed;
    }
}
