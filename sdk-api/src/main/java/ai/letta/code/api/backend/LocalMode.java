package ai.letta.code.api.backend;

/**
 * How the local backend runs the Letta Code CLI ({@link LocalOptions.Builder#mode}).
 */
public enum LocalMode {

    /**
     * One CLI process per session, speaking NDJSON on stdio; agent creation, model lists and model changes each run
     * a short-lived CLI process too. Every session pays the CLI's start-up (about 1.3 s) and its memory (about
     * 280 MB).
     */
    STDIO,

    /**
     * The default. One {@code letta server} per client, listening on a loopback port with a capability token only this client
     * knows; every session is a {@code runtime_start} on it, and agents, models and conversations are commands,
     * not processes. The JVM is its parent: it is stopped with the client, and on JVM exit. What the shared server
     * cannot do for one session runs in a CLI process of that session's own, as {@link #STDIO} does: a session
     * with {@code SessionOptions.env} (the server's tools see the server's environment), one that names no agent
     * (the CLI's own "default or most recently used agent" rule decides it), and an agent created with a system
     * prompt preset, and a session on an agent or conversation the server does not know (on the CLI's local
     * backend, one another process made after the server started). {@link LocalOptions#extraArgs()} go to those
     * processes only: the server takes none of the CLI's session flags. The server ends an aborted turn only once
     * its model stream yields or ends, so {@code abort()} of a turn whose model provider has gone silent returns
     * when that provider answers or times out (in {@link #STDIO} the CLI is replaced instead).
     */
    APP_SERVER
}
