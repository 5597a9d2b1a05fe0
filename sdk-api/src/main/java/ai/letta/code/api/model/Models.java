package ai.letta.code.api.model;

import java.util.List;

/** The model catalog of a backend. */
public interface Models {

    /** @return the models the backend offers ({@link ModelCatalog#current()} is empty here) */
    ModelCatalog list();

    /**
     * @return the embedding models the backend offers ({@code GET /v1/models/embedding}), in its order
     * @throws ai.letta.code.api.exception.UnsupportedFeatureException on a backend without a Letta API of its own
     */
    List<EmbeddingModel> embeddingModels();
}
