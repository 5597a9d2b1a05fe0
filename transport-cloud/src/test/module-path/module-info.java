/**
 * A user's application module for the cloud and remote backends: it needs only the SDK's core and the testkit (for
 * the fake Letta API); the transports are only present, and are found as services.
 */
module cloudapp {
    requires ai.letta.code.core;
    requires ai.letta.code.testkit;
}
