/**
 * The stdio wire: {@code NdjsonCodec} turns one NDJSON line into a {@code WireMessage} record and writes the lines
 * the SDK sends. Internal to the module.
 */
package ai.letta.code.transport.local.wire;
