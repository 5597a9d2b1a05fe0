package ai.letta.code.transport.remote.internal;

import ai.letta.code.spi.Unsupported;
import java.util.List;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.Models;

/** The server's model catalog ({@code list_models}); a session's current model is known only per session. */
public final class RemoteModels implements Models {

    private final ServerConnection connection;

    /** @param connection the client's shared connection */
    public RemoteModels(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public ModelCatalog list() {
        return new ModelCatalog(SessionSettings.catalog(connection), null);
    }

    @Override
    public List<EmbeddingModel> embeddingModels() {
        throw Unsupported.feature("models().embeddingModels", connection.backendKind());
    }
}
