package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A nested memory block label ({@code skills/java}) on the real pinned CLI's local backend: the SDK writes it to a
 * subfolder of the agent's memory repository, the repository's pre-commit hook accepts it, and the CLI compiles it
 * into the prompt the model receives (issue 12 item 7: labels are checked, nested ones stay allowed).
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalBackendMemoryLabelIT {

    @Test
    void aNestedLabelIsStoredInASubfolderAndReachesTheModel() throws Exception {
        try (LocalBackendPeer peer = new LocalBackendPeer();
                LettaCodeClient client = LettaCode.create(peer.options().build())) {
            String agentId = client.createAgent(AgentOptions.builder().persona("Persona marker PER-1")
                    .memoryBlock(MemoryBlock.of("skills/java", "Nested marker NST-4417")
                            .withDescription("what I know of Java"))
                    .build());

            Path file = peer.home.resolve(".letta/lc-local-backend/memfs").resolve(agentId)
                    .resolve("memory/system/skills/java.md");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("Nested marker NST-4417");

            assertThat(client.prompt("ping", agentId, peer.session().build()).success()).isTrue();
            List<String> prompts = peer.model.turns().stream().map(t -> peer.model.systemPromptOf(t).orElse(""))
                    .toList();
            assertThat(prompts).anySatisfy(p -> assertThat(p).contains("NST-4417").contains("PER-1"));
        }
    }
}
