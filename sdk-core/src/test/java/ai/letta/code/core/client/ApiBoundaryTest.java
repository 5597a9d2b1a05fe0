package ai.letta.code.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.model.Models;
import ai.letta.code.core.LettaCode;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Whatever a transport lets slip, a user of the client only ever catches the SDK's exception tree. */
class ApiBoundaryTest {
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** A transport whose every port call throws {@link #failure}, as a buggy transport might. */
    private LettaCodeClient client() {
        Transport transport = (Transport) Proxy.newProxyInstance(Transport.class.getClassLoader(),
                new Class<?>[] {Transport.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "kind" -> BackendKind.REMOTE;
                    case "close" -> null;
                    case "toString" -> "faulty";
                    case "agents" -> throwing(Agents.class);
                    case "conversations" -> throwing(Conversations.class);
                    case "models" -> throwing(Models.class);
                    case "sessions" -> throwing(SessionPort.class);
                    default -> throw failure.get();
                });
        return LettaCode.create(transport);
    }

    private <T> T throwing(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    throw failure.get();
                }));
    }

    @Test
    void theProxyClassesPreparedAheadAreTheOnesTheBoundaryUses() {
        java.util.List<Class<?>> prepared = ApiBoundary.prepareProxyClasses();

        assertThat(prepared).allMatch(Proxy::isProxyClass)
                .flatExtracting(c -> java.util.List.of(c.getInterfaces()))
                .containsExactlyInAnyOrder(LettaCodeClient.class, ai.letta.code.api.Session.class,
                        ai.letta.code.api.EventStream.class, Agents.class, Conversations.class,
                        ai.letta.code.api.agent.Blocks.class, Models.class, ai.letta.code.api.tool.Tools.class,
                        ai.letta.code.api.archive.Archives.class, ai.letta.code.api.archive.Passages.class,
                        ai.letta.code.api.message.Messages.class, ai.letta.code.api.group.Groups.class);
        // Preparing pays off only if the JDK hands out the same classes when the boundary guards a real value.
        try (LettaCodeClient client = client()) {
            assertThat(prepared).contains(client.getClass(), client.agents().getClass());
        }
    }

    @Test
    void rawJdkExceptionsFromATransportReachTheUserAsLettaCodeExceptions() {
        for (RuntimeException raw : new RuntimeException[] {new NullPointerException("id"),
                new IllegalArgumentException("bad page"), new IllegalStateException("not ready"),
                new UnsupportedOperationException("later")}) {
            failure.set(raw);
            try (LettaCodeClient client = client()) {
                assertThatThrownBy(() -> client.createAgent(AgentOptions.builder().build()))
                        .isInstanceOf(LettaCodeException.class).hasCause(raw)
                        .hasMessageContaining("LettaCodeClient.createAgent").hasMessageContaining("SDK bug");
                assertThatThrownBy(() -> client.agents().get("agent-1")).isInstanceOf(LettaCodeException.class);
                assertThatThrownBy(() -> client.conversations().get("conv-1")).isInstanceOf(LettaCodeException.class);
                assertThatThrownBy(() -> client.createSession("agent-1", SessionOptions.defaults()))
                        .isInstanceOf(LettaCodeException.class);
            }
        }
    }

    @Test
    void anUncheckedIoFailureIsATransportException() {
        failure.set(new UncheckedIOException("disk", new IOException("read-only file system")));
        try (LettaCodeClient client = client()) {
            assertThatThrownBy(() -> client.agents().get("agent-1")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("read-only file system");
        }
    }

    @Test
    void aTypedFailureInsideACompletionExceptionIsUnwrapped() {
        AgentNotFoundException typed = new AgentNotFoundException("agent-1 is unknown");
        failure.set(new CompletionException(typed));
        try (LettaCodeClient client = client()) {
            assertThatThrownBy(() -> client.agents().get("agent-1")).isSameAs(typed);
        }
    }

    @Test
    void aFailedPromptFutureCarriesALettaCodeException() {
        failure.set(new IllegalStateException("no runtime"));
        try (LettaCodeClient client = client()) {
            assertThatThrownBy(() -> client.promptAsync("hi", "agent-1", SessionOptions.defaults())
                    .get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(LettaCodeException.class);
        }
    }

    @Test
    void theGuardedClientKeepsItsIdentityAndName() {
        failure.set(new IllegalStateException("unused"));
        try (LettaCodeClient client = client()) {
            assertThat(client).isEqualTo(client).hasSameHashCodeAs(client);
            assertThat(client.toString()).startsWith("LettaCodeClient[");
            assertThat(client.backend()).isEqualTo(BackendKind.REMOTE);
        }
    }
}
