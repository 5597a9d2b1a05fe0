package ai.letta.code.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.spi.Transport;
import ai.letta.code.core.LettaCode;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A label reaches a transport's {@link Blocks} only once it is checked (issue 12 item 7). */
class BlockLabelCheckTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    private LettaCodeClient client() {
        Blocks blocks = (Blocks) Proxy.newProxyInstance(Blocks.class.getClassLoader(),
                new Class<?>[] {Blocks.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + " " + args[1]);
                    return MemoryBlock.of((String) args[1], "v");
                });
        Transport transport = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kind" -> BackendKind.REMOTE;
                    case "blocks" -> blocks;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return LettaCode.create(transport);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../escaped", "skills/../../x", ".git", "a\\b", "nul\u0000", " "})
    void aBadLabelIsRejectedBeforeTheTransportSeesIt(String label) {
        try (LettaCodeClient client = client()) {
            assertThatThrownBy(() -> client.blocks().get("agent-1", label))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("label");
            assertThatThrownBy(() -> client.blocks().update("agent-1", label, "v"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("label");
        }
        assertThat(calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"persona", "skills/java"})
    void aGoodLabelPassesThrough(String label) {
        try (LettaCodeClient client = client()) {
            assertThat(client.blocks().update("agent-1", label, "v").label()).isEqualTo(label);
            assertThat(client.blocks().get("agent-1", label).label()).isEqualTo(label);
        }
        assertThat(calls).containsExactly("update " + label, "get " + label);
    }
}
