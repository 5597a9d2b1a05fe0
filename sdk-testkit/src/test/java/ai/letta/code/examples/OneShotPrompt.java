package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.core.LettaCode;

/** A one-shot prompt: {@code prompt(text, agentId)} sends one message in a new conversation and waits for it. */
public final class OneShotPrompt {

    private OneShotPrompt() {}

    /** @param args the question (optional) */
    public static void main(String[] args) {
        String question = args.length > 0 ? String.join(" ", args) : "What is 2 + 2?";
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().persona("You answer tersely.").build());
            PromptResult result = run(client, agentId, question);
            System.out.println(result.success() ? result.result() : "failed: " + result.turn().error().orElse(""));
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param question what to ask
     * @return the answer and the turn's result
     */
    public static PromptResult run(LettaCodeClient client, String agentId, String question) {
        return client.prompt(question, agentId);
    }
}
