package ai.letta.code.api.event;

/**
 * An event the SDK does not know yet, kept so nothing the peer sends is lost or fails a turn.
 *
 * @param type the peer's type name
 * @param json the event as the peer sent it
 */
public record UnknownEvent(String type, String json) implements SessionEvent {

    /** Shows the JSON's size, not its text: a peer's payload may carry anything, credentials included. */
    @Override
    public String toString() {
        return "UnknownEvent[type=" + type + ", json=<" + (json == null ? 0 : json.length()) + " chars>]";
    }
}
