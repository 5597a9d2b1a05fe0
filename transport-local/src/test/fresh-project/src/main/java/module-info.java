/** The user's application: the SDK's core (its API comes with it) and the local transport it runs on. */
module quickstart {
    requires ai.letta.code.core;
    requires ai.letta.code.transport.local;

    exports ai.letta.code.examples;
}
