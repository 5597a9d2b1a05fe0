package ai.letta.code.core;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.core.client.ApiBoundary;
import ai.letta.code.core.client.EngineClient;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Binds {@link LettaCodeClient} to the SDK's engine, for applications that use Guice. Install it with one transport
 * module ({@code LocalTransportModule}, {@code RemoteTransportModule} or {@code CloudTransportModule}), which binds
 * {@link ai.letta.code.spi.Transport}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LettaCodeModule(), new LocalTransportModule(LocalOptions.builder().build()));
 * LettaCodeClient client = injector.getInstance(LettaCodeClient.class);
 * }</pre>
 *
 * Starts nothing: the client starts its transport on first use. Each injection gives a new client (close it).
 */
public final class LettaCodeModule extends AbstractModule {

    /** A module to install next to one transport's module. */
    public LettaCodeModule() {}

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(EngineClient.class);
    }

    /** Behind the {@link ApiBoundary}, so users only ever catch the SDK's exception tree. */
    @Provides
    LettaCodeClient client(EngineClient engine) {
        return ApiBoundary.guard(engine);
    }
}
