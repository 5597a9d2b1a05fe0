package ai.letta.code.api.model;

import java.util.List;
import java.util.Optional;

/**
 * The models a backend offers, and the session's current one.
 *
 * @param entries the models, in the peer's order
 * @param current the handle the session (or agent) uses now, or {@code null} if unknown
 */
public record ModelCatalog(List<ModelEntry> entries, String current) {
    /** Copies the entries. */
    public ModelCatalog {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * @param handle a model handle
     * @return the entry with that handle, if offered
     */
    public Optional<ModelEntry> find(String handle) {
        return entries.stream().filter(e -> e.handle().equals(handle)).findFirst();
    }

    /** @return the current model's handle, if known */
    public Optional<String> currentHandle() {
        return Optional.ofNullable(current);
    }
}
