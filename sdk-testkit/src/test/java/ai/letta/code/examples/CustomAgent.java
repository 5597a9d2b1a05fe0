package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.core.LettaCode;

/**
 * Agent options: a name, a memory block of your own next to the persona and human blocks, a model and a custom
 * system prompt. A preset system prompt instead of a custom one is {@link PresetSystemPrompt}.
 */
public final class CustomAgent {

    private CustomAgent() {}

    /** @param args the model handle (optional: the backend's default) */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = create(client, args.length > 0 ? args[0] : null);
            System.out.println("agent " + agentId + ": " + client.prompt("Review this: int x = 1;", agentId).result());
        }
    }

    /**
     * @param client the client
     * @param model the model handle, or {@code null} for the backend's default
     * @return the new agent's id
     */
    public static String create(LettaCodeClient client, String model) {
        AgentOptions.Builder agent = AgentOptions.builder()
                .name("reviewer")
                .persona("You are a meticulous Java reviewer.")
                .human("The user maintains letta-code-java.")
                .memoryBlock(MemoryBlock.of("project", "letta-code-java, a Java SDK for Letta Code agents"))
                .systemPrompt(SystemPrompt.custom("You review Java code and answer with the one change that matters."));
        return client.createAgent(model == null ? agent.build() : agent.model(model).build());
    }
}
