package ai.letta.code.api.model;

import ai.letta.code.internal.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model the backend can run. One handle may have several entries (e.g. one per reasoning tier, each its own
 * {@link #id()}). Immutable; {@link #extras()} keeps the peer's fields of the model this class does not name.
 */
public final class ModelEntry {
    private final String id;
    private final String handle;
    private final String displayName;
    private final String provider;
    private final int contextWindow;
    private final List<ReasoningEffort> reasoningEfforts;
    private final Map<String, Object> extras;

    private ModelEntry(Builder b) {
        id = b.id;
        handle = b.handle;
        displayName = b.displayName == null ? b.handle : b.displayName;
        provider = b.provider;
        contextWindow = b.contextWindow;
        reasoningEfforts = List.copyOf(b.reasoningEfforts);
        extras = b.extras;
    }

    /**
     * For transports, which decode entries from their peer.
     *
     * @param id the peer's id of this entry
     * @param handle the model handle
     * @return a builder with nothing else set
     */
    public static Builder builder(String id, String handle) {
        return new Builder(Objects.requireNonNull(id, "id"), Objects.requireNonNull(handle, "handle"));
    }

    /**
     * @return the peer's id of this entry, unique in a catalog (the CLI's and app server's {@code id}, e.g.
     *     {@code gpt-5-high}; Letta's API keys its models by handle, so there it is the handle)
     */
    public String id() {
        return id;
    }

    /** @return the handle to pass to {@link ModelUpdate}, e.g. {@code anthropic/claude-sonnet-4} */
    public String handle() {
        return handle;
    }

    /** @return a human-readable name (the handle if the peer gave none) */
    public String displayName() {
        return displayName;
    }

    /** @return the provider, e.g. {@code anthropic}, if known */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return the context window in tokens, if known */
    public OptionalInt contextWindow() {
        return contextWindow > 0 ? OptionalInt.of(contextWindow) : OptionalInt.empty();
    }

    /** @return the reasoning levels the model accepts (may be empty) */
    public List<ReasoningEffort> reasoningEfforts() {
        return reasoningEfforts;
    }

    /**
     * @return the peer's fields of the model this class does not name (on the Letta API e.g.
     *     {@code model_endpoint_type}, {@code max_context_window}, {@code provider_category}): plain JSON values,
     *     deeply unmodifiable; empty when the peer sends none
     */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelEntry e && id.equals(e.id) && handle.equals(e.handle)
                && displayName.equals(e.displayName) && Objects.equals(provider, e.provider)
                && contextWindow == e.contextWindow && reasoningEfforts.equals(e.reasoningEfforts)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, handle, displayName, provider, contextWindow, reasoningEfforts, extras);
    }

    @Override
    public String toString() {
        return "ModelEntry[id=" + id + ", handle=" + handle + ", displayName=" + displayName + ", provider="
                + provider + ", contextWindow=" + (contextWindow > 0 ? contextWindow : "unknown")
                + ", reasoningEfforts=" + reasoningEfforts + ", extras=" + extras.keySet() + "]";
    }

    /** Builds a {@link ModelEntry}; a setter given {@code null} (or a window of 0) leaves that part unknown. */
    public static final class Builder {
        private final String id;
        private final String handle;
        private String displayName;
        private String provider;
        private int contextWindow;
        private List<ReasoningEffort> reasoningEfforts = List.of();
        private Map<String, Object> extras = Map.of();

        private Builder(String id, String handle) {
            this.id = id;
            this.handle = handle;
        }

        /**
         * @param displayName a human-readable name, or {@code null} for the handle
         * @return this
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * @param provider the provider, or {@code null}
         * @return this
         */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /**
         * @param tokens the context window in tokens, or 0 (or less) if unknown
         * @return this
         */
        public Builder contextWindow(int tokens) {
            this.contextWindow = Math.max(tokens, 0);
            return this;
        }

        /**
         * @param efforts the reasoning levels the model accepts, or {@code null} for none
         * @return this
         */
        public Builder reasoningEfforts(List<ReasoningEffort> efforts) {
            this.reasoningEfforts = efforts == null ? List.of() : List.copyOf(efforts);
            return this;
        }

        /**
         * @param extras the peer's fields of the model this class does not name, plain JSON values ({@code null}
         *     for none); copied deeply
         * @return this
         * @throws ai.letta.code.api.exception.ConfigurationException if {@code extras} holds anything but plain
         *     JSON values
         */
        public Builder extras(Map<String, ?> extras) {
            this.extras = extras == null || extras.isEmpty() ? Map.of()
                    : JsonValues.copyOf(extras, "ModelEntry.extras");
            return this;
        }

        /** @return the entry */
        public ModelEntry build() {
            return new ModelEntry(this);
        }
    }
}
