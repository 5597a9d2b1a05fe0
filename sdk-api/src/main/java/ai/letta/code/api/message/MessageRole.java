package ai.letta.code.api.message;

/** Who a sent message is from ({@code MessageCreate.role}). */
public enum MessageRole {
    /** The user: an ordinary prompt. */
    USER,
    /** A system message, e.g. an instruction injected by the application. */
    SYSTEM,
    /** An assistant message, e.g. to seed the history with the agent's own words. */
    ASSISTANT;

    /** @return the name on the wire, e.g. {@code user} */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
