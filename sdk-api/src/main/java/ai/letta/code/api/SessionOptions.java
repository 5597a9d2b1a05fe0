package ai.letta.code.api;

import static ai.letta.code.api.exception.ConfigurationException.requireNonNull;
import static ai.letta.code.api.exception.ConfigurationException.requirePositive;
import static ai.letta.code.api.exception.ConfigurationException.requireText;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.CanUseTool;
import ai.letta.code.api.permission.PermissionMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a session runs. Build with {@link #builder()}; everything has a default.
 *
 * @param cwd the working directory tools run in, or {@code null} for the peer's
 * @param model the model handle for this session, or {@code null} for the agent's
 * @param reasoningEffort the reasoning effort, or {@code null} for the model's default
 * @param permissionMode how tool calls are approved (default {@link PermissionMode#DEFAULT})
 * @param canUseTool decides tool calls the mode does not, or {@code null} (then they are denied)
 * @param dreaming sleep-time reflection settings, or {@code null} for the agent's
 * @param includePartialMessages whether to stream raw chunks as {@link ai.letta.code.api.event.PartialEvent}s
 * @param idleTimeout end a turn when no event arrives for this long, or {@code null} for no limit
 * @param eventBufferSize the most events buffered for a reader (see {@link EventStream})
 * @param env extra environment for a local CLI process (values never logged); the remote and cloud backends run
 *     tools in a server started beforehand and refuse a non-empty one with an
 *     {@link ai.letta.code.api.exception.UnsupportedFeatureException} before the session opens
 * @param listeners observers of the session
 * @param executionTarget where a cloud session's harness runs, or {@code null} for {@code CloudOptions.target};
 *     only the cloud backend takes one (the others refuse it with an
 *     {@link ai.letta.code.api.exception.UnsupportedFeatureException})
 */
public record SessionOptions(
        Path cwd,
        String model,
        ReasoningEffort reasoningEffort,
        PermissionMode permissionMode,
        CanUseTool canUseTool,
        Dreaming dreaming,
        boolean includePartialMessages,
        Duration idleTimeout,
        int eventBufferSize,
        Map<String, String> env,
        List<SessionListener> listeners,
        ExecutionTarget executionTarget) {

    /** Validates and copies. */
    public SessionOptions {
        requireNonNull(permissionMode, "SessionOptions.permissionMode");
        if (idleTimeout != null) {
            requirePositive(idleTimeout, "SessionOptions.idleTimeout");
        }
        requirePositive(eventBufferSize, "SessionOptions.eventBufferSize");
        env = Map.copyOf(requireNonNull(env, "SessionOptions.env"));
        listeners = List.copyOf(requireNonNull(listeners, "SessionOptions.listeners"));
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
        b.eventBufferSize = eventBufferSize;
        b.env.putAll(env);
        b.listeners.addAll(listeners);
        b.executionTarget = executionTarget;
        return b;
    }

    /** @return the working directory, if set */
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(cwd);
    }

    /** @return the model handle, if set */
    public Optional<String> modelHandle() {
        return Optional.ofNullable(model);
    }

    /** @return the reasoning effort, if set */
    public Optional<ReasoningEffort> effort() {
        return Optional.ofNullable(reasoningEffort);
    }

    /** @return the permission callback, if set */
    public Optional<CanUseTool> callback() {
        return Optional.ofNullable(canUseTool);
    }

    /** @return the dreaming settings, if set */
    public Optional<Dreaming> dreamingSettings() {
        return Optional.ofNullable(dreaming);
    }

    /** @return the execution target this session overrides the backend's with, if set */
    public Optional<ExecutionTarget> target() {
        return Optional.ofNullable(executionTarget);
    }

    /** @return the idle timeout, if set */
    public Optional<Duration> idleLimit() {
        return Optional.ofNullable(idleTimeout);
    }

    /** Shows env keys only: values may be secrets. */
    @Override
    public String toString() {
        return "SessionOptions[cwd=" + cwd + ", model=" + model + ", reasoningEffort=" + reasoningEffort
                + ", permissionMode=" + permissionMode + ", canUseTool=" + (canUseTool == null ? "none" : "set")
                + ", dreaming=" + dreaming + ", includePartialMessages=" + includePartialMessages
                + ", idleTimeout=" + idleTimeout + ", eventBufferSize=" + eventBufferSize + ", env=" + env.keySet()
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
        private Duration idleTimeout;
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
         * @param callback decides tool calls; must not be null (leave it unset for none)
         * @return this
         */
        public Builder canUseTool(CanUseTool callback) {
            this.canUseTool = requireNonNull(callback,
                    "SessionOptions.canUseTool (leave it unset to deny tool calls that need approval)");
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

         * @param timeout end a turn that sees no event for this long

         * @return this

         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive(timeout, "SessionOptions.idleTimeout");
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
            return new SessionOptions(cwd, model, reasoningEffort, permissionMode, canUseTool, dreaming,
                    includePartialMessages, idleTimeout, eventBufferSize, env, listeners, executionTarget);
        }
    }
}
