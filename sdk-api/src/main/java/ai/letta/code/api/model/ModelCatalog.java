package ai.letta.code.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The models a backend offers, and the session's current one. */
public final class ModelCatalog {
    private final List<ModelEntry> entries;
    private final String current;

    /**
     * @param entries the models, in the peer's order ({@code null} for none)
     * @param current the handle the session (or agent) uses now, or {@code null} if unknown
     */
    public ModelCatalog(List<ModelEntry> entries, String current) {
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        this.current = current;
    }

    /** @return the models, in the peer's order */
    public List<ModelEntry> entries() {
        return entries;
    }

    /** @return the handle the session (or agent) uses now, if known */
    public Optional<String> current() {
        return Optional.ofNullable(current);
    }

    /**
     * @param handle a model handle
     * @return the first entry with that handle, if offered
     */
    public Optional<ModelEntry> find(String handle) {
        return entries.stream().filter(e -> e.handle().equals(handle)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelCatalog c && entries.equals(c.entries) && Objects.equals(current, c.current);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, current);
    }

    @Override
    public String toString() {
        return "ModelCatalog[entries=" + entries + ", current=" + current + "]";
    }
}
