package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.core.LettaCode;

/**
 * A preset system prompt: {@code SystemPrompt.preset("letta-claude")}, one of the Letta Code CLI's own prompts.
 * The local backend has presets; remote and cloud refuse one with an {@code UnsupportedFeatureException} that says
 * so (use {@code SystemPrompt.custom} there, as in {@link CustomAgent}).
 */
public final class PresetSystemPrompt {

    private PresetSystemPrompt() {}

    /** @param args none */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = create(client);
            System.out.println("agent " + agentId + ": " + client.prompt("Who are you?", agentId).result());
        }
    }

    /**
     * @param client the client
     * @return the new agent's id
     */
    public static String create(LettaCodeClient client) {
        return client.createAgent(AgentOptions.builder().systemPrompt(SystemPrompt.preset("letta-claude")).build());
    }
}
