package ai.letta.code.transport.remote;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.core.spi.TransportProvider;
import com.google.inject.Module;

/**
 * How {@code LettaCode.create(RemoteOptions)} finds this module: registered in
 * {@code META-INF/services/ai.letta.code.core.spi.TransportProvider}.
 */
public final class RemoteTransportProvider implements TransportProvider {

    /** For {@link java.util.ServiceLoader}. */
    public RemoteTransportProvider() {
    }

    @Override
    public BackendKind kind() {
        return BackendKind.REMOTE;
    }

    @Override
    public Module module(Backend backend) {
        if (!(backend instanceof RemoteOptions options)) {
            throw new ConfigurationException("the remote transport needs RemoteOptions (got "
                    + (backend == null ? "null" : backend.kind().label()) + " options)");
        }
        return new RemoteTransportModule(options);
    }
}
