/**
 * The meaning of a turn's stream, written once for every transport: {@link ai.letta.code.core.turn.ChunkJoiner}
 * joins chunks into messages and emits each tool call and result once, {@link ai.letta.code.core.turn.ResultText}
 * chooses a result's text, {@link ai.letta.code.core.turn.QuietFlush} emits a joined message when the stream
 * pauses, and {@link ai.letta.code.core.turn.TurnEnds} builds the {@code Result} of a turn the peer finished. A
 * transport decodes its wire and calls these; none of them is thread-safe, each runs in the transport's
 * serial context for the session.
 */
package ai.letta.code.core.turn;
