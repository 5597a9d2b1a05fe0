/**
 * A user's application module, as the README's quickstart would be on the module path: it needs only the SDK's
 * core (the API comes with it) and the testkit for the scripted model; the local transport is not required, only
 * present, and is found as a service.
 */
module quickstart {
    requires ai.letta.code.core;
    requires ai.letta.code.testkit;
}
