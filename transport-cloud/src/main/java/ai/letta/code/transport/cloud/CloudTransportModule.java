package ai.letta.code.transport.cloud;

import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.Transport;
import com.google.inject.PrivateModule;

/**
 * Binds {@link Transport} to a {@link CloudTransport} for the given options; everything else stays private. Install
 * it with {@code LettaCodeModule}. Starts nothing: the first call opens the HTTP client.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new LettaCodeModule(),
 *         new CloudTransportModule(CloudOptions.fromEnvironment(System.getenv()).build()));
 * }</pre>
 */
public final class CloudTransportModule extends PrivateModule {

    private final CloudOptions options;

    /** @param options the cloud backend's options */
    public CloudTransportModule(CloudOptions options) {
        this.options = Checks.requireNonNull(options, "CloudOptions");
    }

    @Override
    protected void configure() {
        bind(CloudOptions.class).toInstance(options);
        bind(CloudTransport.class);
        bind(Transport.class).to(CloudTransport.class);
        expose(Transport.class);
    }
}
