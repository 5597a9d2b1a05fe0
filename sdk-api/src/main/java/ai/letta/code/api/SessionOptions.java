package ai.letta.code.api;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requirePositive;
import static ai.letta.code.internal.Checks.requireText;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How a session runs. Build with {@link #builder()}; everything has a default.
 */
public final class SessionOptions {
    /** How long a turn may show no sign of life before it ends with {@code idle_timeout}, unless set otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    /** How long {@code canUseTool} may take to decide before the tool call is denied, unless set otherwise. */
    public static final Duration DEFAULT_PERMISSION_TIMEOUT = Duration.ofMinutes(15);

    private final Path cwd;
    private final String model;
    private final ReasoningEffort reasoningEffort;
    private final PermissionMode permissionMode;
    private final CanUseTool canUseTool;
    private final Dreaming dreaming;
    private final boolean includePartialMessages;
    private final Duration idleTimeout;
    private final Duration permissionTimeout;
    private final int eventBufferSize;
    private final Map<String, String> env;
    private final List<SessionListener> listeners;
    private final ExecutionTarget executionTarget;

    private SessionOptions(Builder b) {
        cwd = b.cwd;
        model = b.model;
        reasoningEffort = b.reasoningEffort;
        permissionMode = b.permissionMode;
        canUseTool = b.canUseTool;
        dreaming = b.dreaming;
        includePartialMessages = b.includePartialMessages;
        idleTimeout = b.idleTimeout;
        permissionTimeout = b.permissionTimeout;
        eventBufferSize = b.eventBufferSize;
        env = Map.copyOf(b.env);
        listeners = List.copyOf(b.listeners);
        executionTarget = b.executionTarget;
    }

    /** @return the defaults: default permission mode, no callback, the agent's model */
    public static SessionOptions defaults() {
        return builder().build();
    }

    /** @return a builder with defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cwd = cwd;
        b.model = model;
        b.reasoningEffort = reasoningEffort;
        b.permissionMode = permissionMode;
        b.canUseTool = canUseTool;
        b.dreaming = dreaming;
        b.includePartialMessages = includePartialMessages;
        b.idleTimeout = idleTimeout;
        b.permissionTimeout = permissionTimeout;
        b.eventBufferSize = eventBufferSize;
        b.env.putAll(env);
        b.listeners.addAll(listeners);
        b.executionTarget = executionTarget;
        return b;
    }

    /** @return the working directory tools run in, if set (else the peer's) */
    public Optional<Path> cwd() {
        return Optional.ofNullable(cwd);
    }

    /** @return the model handle for this session, if set (else the agent's) */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the reasoning effort, if set (else the model's default) */
    public Optional<ReasoningEffort> reasoningEffort() {
        return Optional.ofNullable(reasoningEffort);
    }

    /** @return how tool calls are approved (default {@link PermissionMode#DEFAULT}) */
    public PermissionMode permissionMode() {
        return permissionMode;
    }

    /** @return what decides tool calls the mode does not, if set (else they are denied) */
    public Optional<CanUseTool> canUseTool() {
        return Optional.ofNullable(canUseTool);
    }

    /** @return the sleep-time reflection settings, if set (else the agent's) */
    public Optional<Dreaming> dreaming() {
        return Optional.ofNullable(dreaming);
    }

    /** @return whether raw chunks stream as {@link ai.letta.code.api.event.PartialEvent}s */
    public boolean includePartialMessages() {
        return includePartialMessages;
    }

    /** @return how long a turn may see no event before it ends, if set (else no limit) */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /** @return how long {@code canUseTool} may take before the call is denied, if set (else no limit) */
    public Optional<Duration> permissionTimeout() {
        return Optional.ofNullable(permissionTimeout);
    }

    /** @return the most events buffered for a reader (see {@link EventStream}) */
    public int eventBufferSize() {
        return eventBufferSize;
    }

    /** @return extra environment for a local CLI process (ignored by other backends; values never logged) */
    public Map<String, String> env() {
        return env;
    }

    /** @return the observers of the session */
    public List<SessionListener> listeners() {
        return listeners;
    }

    /**
     * @return where a cloud session's harness runs, if set (else {@code CloudOptions.target}); only the cloud
     *     backend takes one (the others refuse it with an {@link ai.letta.code.api.exception.UnsupportedFeatureException})
     */
    public Optional<ExecutionTarget> executionTarget() {
        return Optional.ofNullable(executionTarget);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionOptions other && Objects.equals(cwd, other.cwd)
                && Objects.equals(model, other.model) && Objects.equals(reasoningEffort, other.reasoningEffort)
                && permissionMode.equals(other.permissionMode) && Objects.equals(canUseTool, other.canUseTool)
                && Objects.equals(dreaming, other.dreaming) && includePartialMessages == other.includePartialMessages
                && Objects.equals(idleTimeout, other.idleTimeout)
                && Objects.equals(permissionTimeout, other.permissionTimeout) && eventBufferSize == other.eventBufferSize
                && env.equals(other.env) && listeners.equals(other.listeners)
                && Objects.equals(executionTarget, other.executionTarget);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cwd, model, reasoningEffort, permissionMode, canUseTool, dreaming, includePartialMessages,
                idleTimeout, permissionTimeout, eventBufferSize, env, listeners, executionTarget);
    }

    /** Shows env keys only: values may be secrets. */
    @Override
    public String toString() {
        return "SessionOptions[cwd=" + cwd + ", model=" + model + ", reasoningEffort=" + reasoningEffort
                + ", permissionMode=" + permissionMode + ", canUseTool=" + (canUseTool == null ? "none" : "set")
                + ", dreaming=" + dreaming + ", includePartialMessages=" + includePartialMessages
                + ", idleTimeout=" + idleTimeout + ", permissionTimeout=" + permissionTimeout + ", eventBufferSize=" + eventBufferSize + ", env=" + env.keySet()
                + ", listeners=" + listeners.size() + ", executionTarget=" + executionTarget + "]";
    }

    /** Builds {@link SessionOptions}; every setter validates its argument. */
    public static final class Builder {
        private Path cwd;
        private String model;
        private ReasoningEffort reasoningEffort;
        private PermissionMode permissionMode = PermissionMode.DEFAULT;
        private CanUseTool canUseTool;
        private Dreaming dreaming;
        private boolean includePartialMessages;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration permissionTimeout = DEFAULT_PERMISSION_TIMEOUT;
        private int eventBufferSize = 65_536;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<SessionListener> listeners = new ArrayList<>();
        private ExecutionTarget executionTarget;

        private Builder() {}

        /**
         * @param cwd the working directory tools run in
         * @return this
         */
        public Builder cwd(Path cwd) {
            this.cwd = requireNonNull(cwd, "SessionOptions.cwd").toAbsolutePath().normalize();
            return this;
        }

        /**
         * @param model a model handle, e.g. {@code anthropic/claude-sonnet-4}
         * @return this
         */
        public Builder model(String model) {
            this.model = requireText(model, "SessionOptions.model");
            return this;
        }

        /**
         * The session's reasoning effort, applied at open to the session's conversation, not its agent (an agent's
         * default conversation has no settings of its own, so there it is the agent's). On the local backend the
         * CLI has no spawn flag for it: one {@code letta model set --conversation} subcommand after the CLI's
         * handshake writes it (about 1 s), and an effort the model does not offer
         * fails the open with a {@link ai.letta.code.api.exception.ConfigurationException} naming the efforts it
         * does offer ({@code listModels()} lists them per model), leaving nothing running. On remote and cloud it
         * is the app server's {@code update_model}, which checks only that it is one of the protocol's levels (and,
         * in CLI 0.32.18, applies it only to models that take a per-request effort).
         *
         * @param effort the reasoning effort
         * @return this
         */
        public Builder reasoningEffort(ReasoningEffort effort) {
            this.reasoningEffort = requireNonNull(effort, "SessionOptions.reasoningEffort");
            return this;
        }

        /**
         * @param mode how tool calls are approved
         * @return this
         */
        public Builder permissionMode(PermissionMode mode) {
            this.permissionMode = requireNonNull(mode, "SessionOptions.permissionMode");
            return this;
        }

        /**
         * Decides tool calls asynchronously: {@code b.canUseTool(req -> askUser(req))} where {@code askUser}
         * returns a {@code CompletionStage<PermissionDecision>}. For an answer at hand, {@link #canUseToolSync} is
         * shorter. The last of the two set wins.
         *
         * @param callback decides tool calls; must not be null (leave it unset for none)
         * @return this
         */
        public Builder canUseTool(CanUseTool callback) {
            this.canUseTool = requireNonNull(callback,
                    "SessionOptions.canUseTool (leave it unset to deny tool calls that need approval)");
            return this;
        }

        /**
         * Decides tool calls synchronously: {@code b.canUseToolSync(req -> PermissionDecision.allow())}. It runs as
         * a {@link CanUseTool} does (on an SDK thread; a throw denies the call), and may block that thread while it
         * decides. The last of this and {@link #canUseTool} set wins.
         *
         * @param callback decides tool calls; must not be null (leave it unset for none)
         * @return this
         */
        public Builder canUseToolSync(Function<ToolPermissionRequest, PermissionDecision> callback) {
            requireNonNull(callback, "SessionOptions.canUseToolSync (leave it unset to deny tool calls that need"
                    + " approval)");
            this.canUseTool = request -> CompletableFuture.completedFuture(callback.apply(request));
            return this;
        }

        /**
         * @param dreaming sleep-time reflection settings
         * @return this
         */
        public Builder dreaming(Dreaming dreaming) {
            this.dreaming = requireNonNull(dreaming, "SessionOptions.dreaming");
            return this;
        }

        /**
         * @param include whether to stream raw chunks
         * @return this
         */
        public Builder includePartialMessages(boolean include) {
            this.includePartialMessages = include;
            return this;
        }

        /**
         * Ends a turn that shows no sign of life for this long (default {@link #DEFAULT_IDLE_TIMEOUT}): the peer is
         * interrupted and the turn ends with an {@code idle_timeout} error event and a failed result. Time spent
         * waiting for {@code canUseTool} is not silence: it never counts. A tool that runs long without output (a
         * build, a test suite) is silence: raise the limit for such work.
         *
         * @param timeout end a turn that sees no event for this long
         * @return this
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive(timeout, "SessionOptions.idleTimeout");
            return this;
        }

        /**
         * No idle limit: a turn waits for its peer as long as the transport is alive (a dead peer or socket still
         * ends it).
         *
         * @return this
         */
        public Builder noIdleTimeout() {
            this.idleTimeout = null;
            return this;
        }

        /**
         * Denies a tool call whose {@code canUseTool} has not decided within this long (default
         * {@link #DEFAULT_PERMISSION_TIMEOUT}): the model hears a denial that says so and the turn goes on; a
         * {@link #canUseToolSync} callback still running is interrupted, and a late decision is ignored. Raise it
         * for approvals a person gives.
         *
         * @param timeout how long a decision may take
         * @return this
         */
        public Builder permissionTimeout(Duration timeout) {
            this.permissionTimeout = requirePositive(timeout, "SessionOptions.permissionTimeout");
            return this;
        }

        /**
         * No limit on {@code canUseTool}: a call waits for its decision as long as the session is open
         * ({@code abort()} and {@code close()} still deny it).
         *
         * @return this
         */
        public Builder noPermissionTimeout() {
            this.permissionTimeout = null;
            return this;
        }

        /**
         * @param size the most events buffered for a reader (default 65,536)
         * @return this
         */
        public Builder eventBufferSize(int size) {
            this.eventBufferSize = requirePositive(size, "SessionOptions.eventBufferSize");
            return this;
        }

        /**
         * Extra environment for a local CLI process (values never logged). The remote and cloud backends run tools
         * in a server started beforehand and refuse a non-empty one with an
         * {@link ai.letta.code.api.exception.UnsupportedFeatureException} before the session opens.
         *
         * @param name an environment variable for a local CLI process
         * @param value its value
         * @return this
         */
        public Builder env(String name, String value) {
            env.put(requireText(name, "SessionOptions.env name"),
                    requireNonNull(value, "SessionOptions.env value of " + name));
            return this;
        }

        /**
         * @param listener an observer
         * @return this
         */
        public Builder listener(SessionListener listener) {
            listeners.add(requireNonNull(listener, "SessionOptions.listener"));
            return this;
        }

        /**
         * @param target where this cloud session's harness runs: a managed sandbox or a named environment
         *     (default: {@code CloudOptions.target}); other backends refuse it
         * @return this
         */
        public Builder executionTarget(ExecutionTarget target) {
            this.executionTarget = requireNonNull(target, "SessionOptions.executionTarget");
            return this;
        }

        /** @return the options */
        public SessionOptions build() {
            return new SessionOptions(this);
        }
    }
}
