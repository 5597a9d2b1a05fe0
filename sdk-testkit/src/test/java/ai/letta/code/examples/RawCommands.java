package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Raw commands: {@code sendCommand(command, ResponseMatcher.type(t))} sends a protocol message the SDK has no
 * method for and waits for the answer of that type. The commands differ per backend: the local CLI answers
 * {@code {"type": "initialize"}} with a {@code control_response}; an app server (remote, cloud) answers
 * {@code {"type": "app_server_info"}} with an {@code app_server_info_response}.
 */
public final class RawCommands {

    private RawCommands() {}

    /** @param args the command type and the response type (default: the app server's info) */
    public static void main(String[] args) {
        String type = args.length > 1 ? args[0] : "app_server_info";
        String responseType = args.length > 1 ? args[1] : "app_server_info_response";
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            CommandResponse response = run(client, agentId, Path.of("").toAbsolutePath(), Map.of("type", type),
                    responseType);
            System.out.println(response.type());
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param command the command, without {@code request_id} (the SDK adds one)
     * @param responseType the {@code type} of the answer to wait for
     * @return the answer
     */
    public static CommandResponse run(LettaCodeClient client, String agentId, Path cwd, Map<String, Object> command,
            String responseType) {
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            return session.sendCommand(command, ResponseMatcher.type(responseType));
        }
    }
}
