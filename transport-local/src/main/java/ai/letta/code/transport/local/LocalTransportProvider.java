package ai.letta.code.transport.local;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.core.spi.TransportProvider;
import com.google.inject.Module;

/**
 * The local backend's entry for {@code LettaCode.create(LocalOptions)}, registered in
 * {@code META-INF/services/ai.letta.code.core.spi.TransportProvider}.
 */
public final class LocalTransportProvider implements TransportProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public LocalTransportProvider() {}

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL;
    }

    @Override
    public Module module(Backend backend) {
        return new LocalTransportModule((LocalOptions) backend);
    }
}
