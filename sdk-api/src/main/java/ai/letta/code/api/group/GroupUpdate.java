package ai.letta.code.api.group;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Groups#update} changes ({@code GroupUpdate}): only the fields set here are sent. Immutable.
 *
 * <pre>{@code
 * GroupUpdate.builder().sleeptimeFrequency(2).build()   // the sleep-time agent runs every 2 steps
 * }</pre>
 */
public final class GroupUpdate {
    private final String description;
    private final Integer sleeptimeFrequency;

    private GroupUpdate(Builder builder) {
        this.description = builder.description;
        this.sleeptimeFrequency = builder.sleeptimeFrequency;
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the new description, if it changes */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * @return the new {@code sleeptime_agent_frequency}, if it changes (sent as a sleep-time
     *     {@code manager_config})
     */
    public Optional<Integer> sleeptimeFrequency() {
        return Optional.ofNullable(sleeptimeFrequency);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupUpdate o && Objects.equals(description, o.description)
                && Objects.equals(sleeptimeFrequency, o.sleeptimeFrequency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, sleeptimeFrequency);
    }

    @Override
    public String toString() {
        return "GroupUpdate[description=" + description + ", sleeptimeFrequency=" + sleeptimeFrequency + "]";
    }

    /** Builds a {@link GroupUpdate}; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private String description;
        private Integer sleeptimeFrequency;

        private Builder() {
        }

        /**
         * @param description the new description
         * @return this
         */
        public Builder description(String description) {
            this.description = Checks.requireNonNull(description, "GroupUpdate.description");
            return this;
        }

        /**
         * @param steps every how many steps of the main agent its sleep-time agent runs (the server's default is 5)
         * @return this
         * @throws ConfigurationException if {@code steps} is below 1
         */
        public Builder sleeptimeFrequency(int steps) {
            if (steps < 1) {
                throw new ConfigurationException("GroupUpdate.sleeptimeFrequency must be at least 1 (got " + steps
                        + ")");
            }
            this.sleeptimeFrequency = steps;
            return this;
        }

        /**
         * @return the update
         * @throws ConfigurationException if nothing was set
         */
        public GroupUpdate build() {
            if (description == null && sleeptimeFrequency == null) {
                throw new ConfigurationException("a GroupUpdate changes nothing: set a description or a "
                        + "sleeptimeFrequency");
            }
            return new GroupUpdate(this);
        }
    }
}
