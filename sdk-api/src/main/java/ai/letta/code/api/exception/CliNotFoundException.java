package ai.letta.code.api.exception;

/**
 * The Node runtime or the Letta Code CLI could not be found or is too old. The message lists every place tried,
 * the version found (if any), the version required and how to name or install the programs.
 */
public class CliNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and how to fix it */
    public CliNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure
     */
    public CliNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
