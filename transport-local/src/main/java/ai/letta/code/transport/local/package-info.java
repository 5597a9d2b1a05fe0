/**
 * The local backend: the Letta Code CLI as a Node subprocess over stdio. Public entry points:
 * {@link ai.letta.code.transport.local.LocalTransportProvider} (found by {@code LettaCode.create(Backend.local())}),
 * {@link ai.letta.code.transport.local.LocalTransportModule} for Guice users, and
 * {@link ai.letta.code.transport.local.LocalTransport}. Everything else is package-private: the stack is
 * {@code BoundedLineReader} (framing) → {@code NdjsonCodec} (JSON to wire records) → {@code WireEventMapper}
 * (wire records to domain events), under {@code StdioTransport} (the process) and {@code StdioSessionChannel}.
 */
package ai.letta.code.transport.local;
