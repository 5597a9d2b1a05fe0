package ai.letta.code.transport.cloud;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.core.spi.TransportProvider;
import com.google.inject.Module;

/**
 * How {@code LettaCode.create(CloudOptions)} finds this module: registered in
 * {@code META-INF/services/ai.letta.code.core.spi.TransportProvider}.
 */
public final class CloudTransportProvider implements TransportProvider {

    /** For {@link java.util.ServiceLoader}. */
    public CloudTransportProvider() {
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CLOUD;
    }

    @Override
    public Module module(Backend backend) {
        if (!(backend instanceof CloudOptions options)) {
            throw new ConfigurationException("the cloud transport needs CloudOptions (got "
                    + (backend == null ? "null" : backend.kind().label()) + " options)");
        }
        return new CloudTransportModule(options);
    }
}
