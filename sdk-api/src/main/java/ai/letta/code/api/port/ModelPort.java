package ai.letta.code.api.port;

import ai.letta.code.api.model.ModelCatalog;

/** The model catalog of a backend. */
public interface ModelPort {

    /** @return the models the backend offers ({@link ModelCatalog#current()} is {@code null} here) */
    ModelCatalog list();
}
