package ai.letta.code.api.model;

/** The model catalog of a backend. */
public interface Models {

    /** @return the models the backend offers ({@link ModelCatalog#current()} is empty here) */
    ModelCatalog list();
}
