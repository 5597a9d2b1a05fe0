package ai.letta.code.api.exception;

import ai.letta.code.api.backend.BackendKind;
import java.util.Set;

/** The chosen backend cannot do what was asked; the message names the backends that can. */
public class UnsupportedFeatureException extends LettaCodeException {
    private static final long serialVersionUID = 1L;
    /** The feature the backend lacks. */
    private final String feature;
    /** The backends that offer it. */
    private final Set<BackendKind> supportedBy;

    /**
     * @param feature the operation or option, e.g. {@code "sendCommand"}
     * @param backend the backend that was asked
     * @param supportedBy the backends that offer it (may be empty)
     */
    public UnsupportedFeatureException(String feature, BackendKind backend, Set<BackendKind> supportedBy) {
        this(feature, backend, supportedBy, "");
    }

    /**
     * @param feature the operation or option, e.g. {@code "sendCommand"}
     * @param backend the backend that was asked
     * @param supportedBy the backends that offer it (may be empty)
     * @param hint what the backend offers instead, appended to the message (may be empty)
     */
    public UnsupportedFeatureException(String feature, BackendKind backend, Set<BackendKind> supportedBy,
            String hint) {
        super(feature + " is not supported by the " + backend.label() + " backend"
                + (supportedBy.isEmpty() ? "" : "; it is available on: " + BackendKind.labels(supportedBy))
                + (hint == null || hint.isEmpty() ? "" : "; " + hint));
        this.feature = feature;
        this.supportedBy = Set.copyOf(supportedBy);
    }

    /** @return the operation or option that is not supported */
    public String feature() {
        return feature;
    }

    /** @return the backends that do support it */
    public Set<BackendKind> supportedBy() {
        return supportedBy;
    }
}
