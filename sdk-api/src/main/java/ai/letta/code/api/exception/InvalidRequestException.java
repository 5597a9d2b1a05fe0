package ai.letta.code.api.exception;

import java.util.List;

/**
 * The server refused a request as invalid (HTTP 422, the Letta API's {@code {"detail": [{"loc", "msg", "type"}]}}):
 * a value the SDK's own checks let through but the server's schema does not accept. Unlike the other
 * {@link ConfigurationException}s it is thrown after the request was sent; it is never retried, since the same
 * request fails the same way. The message names each offending field and what the server said about it;
 * {@link #fields()} lists the field paths for code that wants to point at them.
 */
public class InvalidRequestException extends ConfigurationException {
    private static final long serialVersionUID = 1L;
    /** The paths of the invalid fields. */
    private final List<String> fields;

    /**
     * @param message what the server refused, naming the fields
     * @param fields the offending field paths as the server located them, e.g. {@code body.name} or
     *     {@code query.limit}; empty when the server named none
     */
    public InvalidRequestException(String message, List<String> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    /**
     * @return the offending field paths, the server's {@code loc} joined with dots ({@code body.memory_blocks.0.label}),
     *     in the order the server listed them, each once; empty when the server named none
     */
    public List<String> fields() {
        return fields;
    }
}
