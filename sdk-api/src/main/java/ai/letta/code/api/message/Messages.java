package ai.letta.code.api.message;

/**
 * Messages of agents and conversations over the Letta API: send, stream, history, modify, reset, cancel. Offered
 * by the cloud backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it
 * (their sessions are how they talk to an agent).
 */
public interface Messages {
}
