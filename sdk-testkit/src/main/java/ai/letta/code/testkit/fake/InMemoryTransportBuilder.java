package ai.letta.code.testkit.fake;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.testkit.script.Responder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link InMemoryTransport} ({@link InMemoryTransport#builder()}). Every feature is on by default; a
 * switched-off feature throws {@link UnsupportedFeatureException}, as a backend that lacks it does. Not thread-safe.
 */
public final class InMemoryTransportBuilder {
    private BackendKind kind = BackendKind.REMOTE;
    private boolean models = true;
    private boolean rawCommands = true;
    private boolean dreaming = true;
    private boolean runTools = true;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration toolTimeout = Duration.ofSeconds(60);
    private Path workDir;
    private Responder responder = Responder.deterministic();
    private RawCommandHandler rawCommandHandler = RawCommandHandler.echo();

    InMemoryTransportBuilder() {}

    /**
     * @param kind the backend the fake reports (default remote, which offers every feature)
     * @return this
     */
    public InMemoryTransportBuilder kind(BackendKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /**
     * @param on whether listModels/updateModel work (default true)
     * @return this
     */
    public InMemoryTransportBuilder models(boolean on) {
        this.models = on;
        return this;
    }

    /**
     * @param on whether raw commands work (default true)
     * @return this
     */
    public InMemoryTransportBuilder rawCommands(boolean on) {
        this.rawCommands = on;
        return this;
    }

    /**
     * @param on whether dreaming settings work (default true)
     * @return this
     */
    public InMemoryTransportBuilder dreaming(boolean on) {
        this.dreaming = on;
        return this;
    }

    /**
     * @param on whether tools run for real (default true); off, they report success without running
     * @return this
     */
    public InMemoryTransportBuilder runTools(boolean on) {
        this.runTools = on;
        return this;
    }

    /**
     * @param timeout the channel's default wait for a raw command's answer (default 10 s)
     * @return this
     */
    public InMemoryTransportBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
        return this;
    }

    /**
     * @param timeout the longest a tool may run (default 60 s)
     * @return this
     */
    public InMemoryTransportBuilder toolTimeout(Duration timeout) {
        this.toolTimeout = Objects.requireNonNull(timeout, "toolTimeout");
        return this;
    }

    /**
     * @param dir the cwd of sessions that set none (default: a temp dir the fake creates and deletes)
     * @return this
     */
    public InMemoryTransportBuilder workDir(Path dir) {
        this.workDir = Objects.requireNonNull(dir, "workDir").toAbsolutePath();
        return this;
    }

    /**
     * @param responder answers unscripted turns (default {@link Responder#deterministic()})
     * @return this
     */
    public InMemoryTransportBuilder responder(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        return this;
    }

    /**
     * @param handler answers raw commands (default {@link RawCommandHandler#echo()})
     * @return this
     */
    public InMemoryTransportBuilder rawCommandHandler(RawCommandHandler handler) {
        this.rawCommandHandler = Objects.requireNonNull(handler, "rawCommandHandler");
        return this;
    }

    /** @return the transport */
    public InMemoryTransport build() {
        return new InMemoryTransport(this);
    }

    Options options() {
        return new Options(kind, models, rawCommands, dreaming, runTools, requestTimeout, toolTimeout, workDir);
    }

    Responder responder() {
        return responder;
    }

    RawCommandHandler rawCommandHandler() {
        return rawCommandHandler;
    }

    /** The fake's switches, as built. */
    record Options(BackendKind kind, boolean models, boolean rawCommands, boolean dreaming, boolean runTools,
            Duration requestTimeout, Duration toolTimeout, Path workDir) {}
}
