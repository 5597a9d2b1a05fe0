package ai.letta.code.api.exception;

/** A line, frame or event exceeded the configured size cap; the message names the cap and the setting. */
public class FrameTooLongException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    /** The cap that was exceeded, in bytes. */
    private final long limitBytes;

    /**
     * @param message what was too long and how to raise the cap
     * @param limitBytes the cap that was exceeded
     */
    public FrameTooLongException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    /** @return the size cap, in bytes, that was exceeded */
    public long limitBytes() {
        return limitBytes;
    }
}
