package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Session;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code createAgent} with each option, seen back through {@code agents()}/{@code blocks()} or, with
 * {@link ContractFeature#OBSERVES_MODEL_REQUESTS}, in what the model received.
 */
public abstract class AgentContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public AgentContract() {}

    @Test
    void createAgentWithPersonaAndHumanStoresBothBlocks() {
        String agentId = client.createAgent(AgentOptions.builder()
                .persona("You are Patch, a contract-test agent (persona marker P-7731).")
                .human("The user is a contract test (human marker H-4410).").build());

        assertThat(agentId).startsWith("agent-");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("persona", "You are Patch, a contract-test agent (persona marker P-7731).");
        expected.put("human", "The user is a contract test (human marker H-4410).");
        assertBlocksReflected(agentId, expected);
    }

    @Test
    void createAgentWithMemoryBlocksStoresThem() {
        String agentId = client.createAgent(AgentOptions.builder()
                .memoryBlock(MemoryBlock.of("project", "Project marker PRJ-2291").withDescription("what we build"))
                .memoryBlock(MemoryBlock.of("style", "Style marker STY-5512")).build());

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("project", "Project marker PRJ-2291");
        expected.put("style", "Style marker STY-5512");
        assertBlocksReflected(agentId, expected);
    }

    @Test
    void createAgentWithModelUsesThatModel() {
        String model = peer.alternateModel();
        String agentId = client.createAgent(AgentOptions.builder().model(model).build());

        boolean observed = false;
        Optional<AgentInfo> info = agentInfo(agentId);
        if (info.isPresent()) {
            assertThat(sameModel(info.get().model().orElse(null), model)).as("agent model %s", info.get().model())
                    .isTrue();
            observed = true;
        }
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            scriptedTurn(open(agentId, options().build()), "which model?", "model ok");
            assertThat(lastModelRequest()).hasValueSatisfying(request ->
                    assertThat(sameModel(request.model(), model)).as("requested %s", request.model()).isTrue());
            observed = true;
        }
        Assumptions.assumeTrue(observed, "the peer shows neither agents() nor model requests");
    }

    @Test
    void createAgentWithCustomSystemPromptUsesIt() {
        String prompt = "You are a contract-test agent. Custom prompt marker SYS-8123.";
        String agentId = client.createAgent(AgentOptions.builder().systemPrompt(SystemPrompt.custom(prompt)).build());

        assertSystemPromptContains(agentId, "SYS-8123");
    }

    @Test
    void createAgentWithPresetSystemPromptRunsTurns() {
        AgentOptions options = AgentOptions.builder().systemPrompt(SystemPrompt.preset("letta-claude")).build();
        if (!peer.features().contains(ContractFeature.SYSTEM_PROMPT_PRESETS)) {
            assertThatThrownBy(() -> client.createAgent(options)).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("local");
            return;
        }
        String agentId = client.createAgent(options);

        agentInfo(agentId).ifPresent(info -> assertThat(info.system().orElse("")).isNotBlank());
        scriptedTurn(open(agentId, options().build()), "hello preset", "preset ok");
    }

    @Test
    void createAgentWithUnknownPresetIsRejected() {
        AgentOptions options = AgentOptions.builder().systemPrompt(SystemPrompt.preset("no-such-preset-4711")).build();

        if (!peer.features().contains(ContractFeature.SYSTEM_PROMPT_PRESETS)) {
            assertThatThrownBy(() -> client.createAgent(options)).isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        assertThatThrownBy(() -> client.createAgent(options)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no-such-preset-4711");
    }

    @Test
    void createAgentWithNameTagsAndDescriptionReflectsThem() {
        String name = "contract-agent-" + UUID.randomUUID().toString().substring(0, 8);
        String agentId = client.createAgent(AgentOptions.builder().name(name).tag("contract").tag("suite-a")
                .description("made by the contract suite").build());

        AgentInfo info = agentInfo(agentId).orElseGet(() -> Assumptions.abort(
                "agents().get is not supported by this backend: name and tags cannot be observed"));
        assertThat(info.id()).isEqualTo(agentId);
        assertThat(info.name()).contains(name);
        assertThat(info.tags()).contains("contract", "suite-a");
    }

    @Test
    void createdAgentIsUsableForSessions() {
        String agentId = newAgent();
        Session session = open(agentId, options().build());

        assertThat(session.agentId()).isEqualTo(agentId);
        scriptedTurn(session, "hello new agent", "agent ok");
    }

    // ---- helpers ----

    /**
     * @param agentId the agent
     * @return the agent as {@code agents().get} shows it, or empty when the backend does not offer that
     */
    protected final Optional<AgentInfo> agentInfo(String agentId) {
        try {
            return Optional.of(client.agents().get(agentId));
        } catch (UnsupportedFeatureException e) {
            return Optional.empty();
        }
    }

    private void assertBlocksReflected(String agentId, Map<String, String> expected) {
        boolean observed = false;
        try {
            var blocks = client.blocks().list(agentId);
            expected.forEach((label, value) -> assertThat(blocks).as("blocks of %s", agentId)
                    .anySatisfy(b -> {
                        assertThat(b.label()).isEqualTo(label);
                        assertThat(b.value()).isEqualTo(value);
                    }));
            observed = true;
        } catch (UnsupportedFeatureException e) {
            // the backend cannot list blocks; the model's system prompt may still show them
        }
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            scriptedTurn(open(agentId, options().build()), "what do you remember?", "memory ok");
            String system = lastModelRequest().map(ContractPeer.ModelRequest::systemPrompt).orElse("");
            expected.values().forEach(value -> assertThat(system).as("system prompt").contains(value));
            observed = true;
        }
        Assumptions.assumeTrue(observed, "the peer shows neither blocks() nor model requests");
    }

    private void assertSystemPromptContains(String agentId, String marker) {
        boolean observed = false;
        Optional<AgentInfo> info = agentInfo(agentId);
        if (info.isPresent() && info.get().system().isPresent()) {
            assertThat(info.get().system().get()).contains(marker);
            observed = true;
        }
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            scriptedTurn(open(agentId, options().build()), "who are you?", "prompt ok");
            assertThat(lastModelRequest().map(ContractPeer.ModelRequest::systemPrompt).orElse(""))
                    .as("system prompt the model received").contains(marker);
            observed = true;
        }
        Assumptions.assumeTrue(observed, "the peer shows neither agents() nor model requests");
    }
}
