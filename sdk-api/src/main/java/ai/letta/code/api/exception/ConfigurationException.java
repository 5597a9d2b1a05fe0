package ai.letta.code.api.exception;

/**
 * Invalid options or an environment the SDK cannot work in: a blank id, a bad timeout, a missing Node or CLI, a
 * transport module missing from the classpath. Thrown before anything is sent to a peer; the message names the field
 * or setting, quotes the bad value (never a secret) and says how to fix it.
 */
public class ConfigurationException extends LettaCodeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
