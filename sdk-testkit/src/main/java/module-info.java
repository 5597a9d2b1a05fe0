/**
 * Test support for the SDK and for users' tests: the fakes (in-memory transport, {@code FakeLettaApi},
 * {@code FakeLettaCloud}, the scripted model endpoint), launchers for the real pinned peers and the transport
 * contract suites. Every package is exported. JUnit and AssertJ are {@code requires static}, as they are
 * {@code provided} in Maven: only the contract suites and the JUnit extensions need them, and a test that uses
 * those has them already.
 */
module ai.letta.code.testkit {
    requires transitive ai.letta.code.core;
    // FakeLettaApi's recorded requests hand out JsonNode bodies.
    requires transitive tools.jackson.databind;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires org.apache.commons.exec;
    // Compiles the Javadoc samples (testkit.docs).
    requires java.compiler;
    // The app-server and Prism launchers poll their peer's readiness over HTTP.
    requires java.net.http;
    // LogCapture records the JDK's System.Logger output through java.util.logging.
    requires java.logging;
    // Not transitive: a module that uses the contract suites or NoLeftoverProcesses requires JUnit itself (for its
    // @Test methods), and one that uses only the fakes compiles and runs without JUnit.
    requires static org.junit.jupiter.api;
    requires static org.junit.jupiter.params;
    requires static org.assertj.core;

    exports ai.letta.code.testkit.api;
    exports ai.letta.code.testkit.contract;
    exports ai.letta.code.testkit.docs;
    exports ai.letta.code.testkit.fake;
    exports ai.letta.code.testkit.fakeapi;
    exports ai.letta.code.testkit.fakecloud;
    exports ai.letta.code.testkit.fakemodel;
    exports ai.letta.code.testkit.fault;
    exports ai.letta.code.testkit.fuzz;
    exports ai.letta.code.testkit.peer;
    exports ai.letta.code.testkit.script;
    exports ai.letta.code.testkit.secrets;
    exports ai.letta.code.testkit.sink;
}
