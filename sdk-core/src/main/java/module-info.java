/**
 * The session engine and {@code LettaCode.create(Backend)}, which finds the backend's transport with
 * {@link java.util.ServiceLoader} ({@code uses TransportProvider}) and wires it with Guice.
 * {@code ai.letta.code.core.spi} is for the transports (and the testkit's peers, which share its {@code LineTail}),
 * {@code ai.letta.code.core.turn} (what a turn means, shared by the transports' decoders) for the transports only;
 * the engine's packages are not exported.
 */
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module ai.letta.code.core {
    requires transitive ai.letta.code.api;
    // LettaCodeModule is a Guice module. Guice 7 is an automatic module (Automatic-Module-Name com.google.guice),
    // which the requires-automatic warnings suppressed above are about.
    requires transitive com.google.guice;
    // The @Inject constructors of the engine and of the transports' public classes.
    requires transitive jakarta.inject;

    exports ai.letta.code.core;
    // Built after this module: "module not found" is suppressed above for these.
    exports ai.letta.code.core.spi to
            ai.letta.code.testkit,
            ai.letta.code.transport.local,
            ai.letta.code.transport.remote,
            ai.letta.code.transport.cloud;
    exports ai.letta.code.core.turn to
            ai.letta.code.transport.local,
            ai.letta.code.transport.remote,
            ai.letta.code.transport.cloud;

    // Guice calls the package-private @Provides method of LettaCodeModule and EngineClient's @Inject constructor.
    opens ai.letta.code.core to com.google.guice;
    opens ai.letta.code.core.client to com.google.guice;

    uses ai.letta.code.core.spi.TransportProvider;
}
