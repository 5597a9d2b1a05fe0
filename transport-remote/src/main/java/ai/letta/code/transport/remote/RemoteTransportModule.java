package ai.letta.code.transport.remote;

import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Transport;
import com.google.inject.PrivateModule;

/**
 * Binds {@link Transport} to a {@link WebSocketTransport} for the given options; everything else stays private.
 * Install it with {@code LettaCodeModule}. Starts nothing: the socket opens on the client's first call.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LettaCodeModule(),
 *         new RemoteTransportModule(RemoteOptions.builder().url(URI.create("http://127.0.0.1:4500")).build()));
 * }</pre>
 */
public final class RemoteTransportModule extends PrivateModule {

    private final RemoteOptions options;

    /** @param options the remote backend's options */
    public RemoteTransportModule(RemoteOptions options) {
        this.options = Checks.requireNonNull(options, "RemoteOptions");
    }

    @Override
    protected void configure() {
        bind(RemoteOptions.class).toInstance(options);
        bind(WebSocketTransport.class);
        bind(Transport.class).to(WebSocketTransport.class);
        expose(Transport.class);
    }
}
