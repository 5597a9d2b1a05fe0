/**
 * {@link ai.letta.code.testkit.sink.RecordingSink}: a {@link ai.letta.code.spi.SessionSink} that stands in for the
 * engine in a transport's own tests, recording every call with bounded waits.
 */
package ai.letta.code.testkit.sink;
