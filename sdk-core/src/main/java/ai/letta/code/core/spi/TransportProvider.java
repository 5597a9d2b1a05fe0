package ai.letta.code.core.spi;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.BackendKind;
import com.google.inject.Module;

/**
 * A backend module's entry in {@code META-INF/services/ai.letta.code.core.spi.TransportProvider}: how
 * {@code LettaCode.create(Backend)} finds the transport for a backend on the classpath.
 *
 * <p>The returned module must bind {@link ai.letta.code.spi.Transport} (and expose it, if private) and nothing
 * that starts resources: the transport starts its process, socket or event loop lazily, on first use.
 */
public interface TransportProvider {

    /** @return the backend this provider implements */
    BackendKind kind();

    /**
     * @param backend the backend's options; always of this provider's {@link #kind()}
     * @return a module binding {@link ai.letta.code.spi.Transport} for those options
     */
    Module module(Backend backend);
}
