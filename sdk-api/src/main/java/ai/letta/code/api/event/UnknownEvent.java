package ai.letta.code.api.event;

/**
 * An event the SDK does not know yet, kept so nothing the peer sends is lost or fails a turn.
 *
 * @param type the peer's type name
 * @param json the event as the peer sent it
 */
public record UnknownEvent(String type, String json) implements SessionEvent {}
