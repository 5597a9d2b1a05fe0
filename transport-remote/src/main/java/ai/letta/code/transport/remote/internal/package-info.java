/**
 * The remote transport's internals, public only so {@link ai.letta.code.transport.remote.WebSocketTransport} can
 * wire them; not an API, and changed without notice. The shape: one {@code ServerConnection} per client (the
 * socket, its {@code FrameDispatcher}, {@code RequestCorrelator}, {@code RuntimeRouter} and {@code Reconnector});
 * per session a {@code RemoteSession} whose {@code TurnStream} turns frames into events ({@code PendingTurns},
 * {@code MessageAssembler}, {@code QueueMirror}, {@code TurnResults}) and whose {@code ApprovalAnswers} deliver
 * permission decisions; the ports ({@code RemoteAgents}, {@code RemoteConversations}, {@code RemoteBlocks},
 * {@code RemoteModels}, {@code RemoteSessions}) over {@code call}s; wire records ({@code Wire*}) stop here.
 */
package ai.letta.code.transport.remote.internal;
