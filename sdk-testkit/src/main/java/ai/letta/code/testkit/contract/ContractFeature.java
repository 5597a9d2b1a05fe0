package ai.letta.code.testkit.contract;

/** Capabilities a {@link ContractPeer} may lack; each gates the scenarios that need it. */
public enum ContractFeature {
    /** {@code listModels} and {@code updateModel} work. */
    MODELS,
    /** System prompt presets ({@code SystemPrompt.preset}) can be chosen when an agent is created. */
    SYSTEM_PROMPT_PRESETS,
    /** Raw {@code sendCommand} with an awaited response works. */
    RAW_COMMANDS,
    /** Dreaming (reflection) settings can be changed. */
    DREAMING,
    /** The peer reports what the model received ({@link ContractPeer#modelRequests()}). */
    OBSERVES_MODEL_REQUESTS,
    /** The peer runs tools for real in {@link ContractPeer#workDir()}. */
    RUNS_TOOLS,
    /**
     * The peer can hold a turn open while the test acts: it honours {@code TurnScript} gates
     * ({@code awaitGate}), {@code stall()} and chunk delays. Abort, close-mid-turn, queueing, idle-timeout and
     * transport-death scenarios need it.
     */
    SLOW_TURNS,
    /**
     * The session reaches its peer over a network connection (a websocket) that can be cut and opened again, and
     * whose server can restart: the fault matrix's socket-drop and server-restart rows need it. Without it (the local
     * CLI's stdio pipes, the in-memory fake) those rows are recorded as not applicable.
     */
    NETWORK_CONNECTION,
    /**
     * The Letta API resources beyond creating and listing agents: agents deleted, conversations created, listed and
     * fetched, messages paged ({@code client.agents().delete}, {@code client.conversations()}).
     */
    RESOURCES,
    /**
     * The whole Letta API resource surface ({@code client.tools()}, {@code archives()}, {@code passages()},
     * {@code messages()}, {@code groups()} and the agent, block, conversation and model operations beyond sessions)
     * on a Letta API server; without it each of those calls must fail with an {@code UnsupportedFeatureException}
     * that names the cloud backend.
     */
    LETTA_API,
    /**
     * The backend has an agent of its own to use when none is named ({@code createSession(options)},
     * {@code prompt(text)}); without it (the cloud backend) those calls must fail at once with a
     * {@code ConfigurationException} that says to name an agent.
     */
    DEFAULT_AGENT,
    /**
     * {@code SessionOptions.env} reaches the session's peer process and changes nothing else about how the session
     * runs (the local CLI in stdio mode). The fault matrix then puts a sentinel secret there; without it (a local
     * client in app-server mode, where such a session would get a CLI of its own) the peer puts the sentinel in its
     * server's environment itself.
     */
    SESSION_ENV
}
