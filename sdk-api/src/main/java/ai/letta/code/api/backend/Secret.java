package ai.letta.code.api.backend;

import ai.letta.code.internal.Checks;
import java.util.Objects;

/**
 * An API key or token. Its {@link #toString()} never shows the value, so options records that hold one can be
 * logged safely; only a transport calls {@link #reveal()}, at the moment it puts the value on the wire.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the secret; must not be blank
     * @param field the option name, used in the error message
     * @return the wrapped secret
     */
    public static Secret of(String value, String field) {
        return new Secret(Checks.requireText(value, field).strip());
    }

    /** @return the secret value, for putting on the wire only */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** @return a fixed placeholder; never the value */
    @Override
    public String toString() {
        return "****";
    }
}
