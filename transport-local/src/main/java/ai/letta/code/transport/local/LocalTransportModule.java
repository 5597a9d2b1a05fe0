package ai.letta.code.transport.local;

import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Transport;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Binds and exposes {@link Transport} for the local backend; everything else stays private to the module, so it
 * can sit next to another transport's module. Starts nothing: the CLI is located and spawned on first use.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LettaCodeModule(),
 *         new LocalTransportModule(LocalOptions.builder().build()));
 * }</pre>
 */
public final class LocalTransportModule extends PrivateModule {

    private final LocalOptions options;

    /** @param options the local backend's options */
    public LocalTransportModule(LocalOptions options) {
        this.options = Checks.requireNonNull(options, "LocalOptions");
    }

    @Override
    protected void configure() {
        bind(LocalOptions.class).toInstance(options);
        expose(Transport.class);
    }

    @Provides
    @Singleton
    Transport transport(LocalOptions options) {
        return new LocalTransport(options);
    }
}
