package ai.letta.code.api.archive;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Archives#update} changes ({@code ArchiveUpdateRequest}): only the fields set here are sent. Immutable.
 *
 * <pre>{@code
 * ArchiveUpdate.builder().description("papers we read in 2026").build()
 * }</pre>
 */
public final class ArchiveUpdate {
    private final String name;
    private final String description;

    private ArchiveUpdate(Builder builder) {
        this.name = builder.name;
        this.description = builder.description;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the new name, if it changes */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the new description, if it changes */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchiveUpdate o && Objects.equals(name, o.name)
                && Objects.equals(description, o.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description);
    }

    @Override
    public String toString() {
        return "ArchiveUpdate[name=" + name + ", description=" + description + "]";
    }

    /** Builds an {@link ArchiveUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description;

        private Builder() {
        }

        /**
         * @param name the new name
         * @return this
         */
        public Builder name(String name) {
            this.name = Checks.requireText(name, "ArchiveUpdate.name");
            return this;
        }

        /**
         * @param description the new description
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "ArchiveUpdate.description");
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set (an empty update would be a silent no-op)
         */
        public ArchiveUpdate build() {
            if (name == null && description == null) {
                throw new ConfigurationException("ArchiveUpdate changes nothing: set a name or a description");
            }
            return new ArchiveUpdate(this);
        }
    }
}
