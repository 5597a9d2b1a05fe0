package ai.letta.code.core;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Transport;
import ai.letta.code.core.spi.TransportProvider;
import com.google.inject.Guice;
import com.google.inject.Stage;
import java.util.ServiceLoader;

/**
 * The plain static entry point: builds a {@link LettaCodeClient} for a backend.
 *
 * <pre>{@code
 * try (LettaCodeClient client = LettaCode.create(Backend.local())) {
 *     System.out.println(client.prompt("What is in this directory?").result());
 * }
 * }</pre>
 *
 * <p>The backend's module ({@code letta-code-transport-local}, {@code -remote} or {@code -cloud}) must be on the
 * classpath; it is found with {@link ServiceLoader}. Applications that use Guice can instead install the transport's
 * module together with {@link LettaCodeModule}.
 */
public final class LettaCode {
    /** Each backend's transport is the artifact {@code ai.letta.code:letta-code-transport-<label>}. */
    private static final String TRANSPORT_ARTIFACT_PREFIX = "ai.letta.code:letta-code-transport-";

    private LettaCode() {}

    /**
     * @param backend which backend, with its options
     * @return a new client; nothing is started until it is used
     * @throws ConfigurationException if the backend's module is not on the classpath (the message names the Maven
     *     artifact to add)
     */
    public static LettaCodeClient create(Backend backend) {
        Checks.requireNonNull(backend, "backend");
        TransportProvider provider = provider(backend);
        return Guice.createInjector(Stage.PRODUCTION, new LettaCodeModule(), provider.module(backend))
                .getInstance(LettaCodeClient.class);
    }

    /**
     * Wires the engine over a transport built elsewhere: a custom transport, or the testkit's in-memory fake.
     *
     * @param transport the transport; the client closes it
     * @return a new client
     */
    public static LettaCodeClient create(Transport transport) {
        Checks.requireNonNull(transport, "transport");
        return Guice.createInjector(Stage.PRODUCTION, new LettaCodeModule(),
                        binder -> binder.bind(Transport.class).toInstance(transport))
                .getInstance(LettaCodeClient.class);
    }

    private static TransportProvider provider(Backend backend) {
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, LettaCode.class.getClassLoader())) {
            if (provider.kind() == backend.kind()) {
                return provider;
            }
        }
        throw new ConfigurationException("No transport for the " + backend.kind().label()
                + " backend is on the classpath: add the Maven dependency " + TRANSPORT_ARTIFACT_PREFIX
                + backend.kind().label() + " (same version as letta-code-sdk-core)");
    }
}
