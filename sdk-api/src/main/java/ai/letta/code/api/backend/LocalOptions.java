package ai.letta.code.api.backend;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requirePositive;

import ai.letta.code.internal.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Options of the local backend: the Letta Code CLI run as a Node subprocess: one loopback app server per client
 * (the default, {@link LocalMode#APP_SERVER}) or one CLI process per session ({@link LocalMode#STDIO}).
 *
 * <p>Programs are found only where the user said, in this order: {@link Builder#nodePath}/{@link Builder#cliPath},
 * then (for the CLI) the {@code LETTA_CLI_PATH} environment variable, then the user's cache of the pinned Node and
 * CLI ({@code $XDG_CACHE_HOME/letta-code-java/<node>-<cli>}, written by the local backend's installer: run
 * {@code ai.letta.code.transport.local.install.InstallPeers} once, or opt in with {@link Builder#installPeers()}),
 * then the absolute directories of {@code PATH} ({@code node}, {@code letta}). Nothing is looked up relative to the
 * working directory. Node must be 22.19 or newer.
 *
 * <p>The CLI's environment: the JVM's whole environment by default, minus the variables that would scope it to a
 * parent Letta agent ({@code MEMORY_DIR}, {@code LETTA_MEMORY_DIR}, {@code LETTA_AGENT_ID},
 * {@code LETTA_PARENT_AGENT_ID}), or only the variables {@link Builder#inheritedEnv} names; then {@link Builder#env}
 * on top. Its tools inherit it: leave out what they must not see.
 */
public final class LocalOptions implements Backend {
    private final Path nodePath;
    private final Path cliPath;
    private final CliBackend cliBackend;
    private final Map<String, String> env;
    private final Set<String> inheritedEnv;
    private final Path workingDirectory;
    private final List<String> extraArgs;
    private final Duration startupTimeout;
    private final Duration requestTimeout;
    private final Duration closeGracePeriod;
    private final int maxLineBytes;
    private final boolean installPeers;
    private final LocalMode mode;

    private LocalOptions(Builder b) {
        nodePath = b.nodePath;
        cliPath = b.cliPath;
        cliBackend = b.cliBackend;
        env = Map.copyOf(b.env);
        inheritedEnv = b.inheritedEnv;
        workingDirectory = b.workingDirectory;
        extraArgs = b.extraArgs;
        startupTimeout = b.startupTimeout;
        requestTimeout = b.requestTimeout;
        closeGracePeriod = b.closeGracePeriod;
        maxLineBytes = b.maxLineBytes;
        installPeers = b.installPeers;
        mode = b.mode;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL;
    }

    /** @return the explicit {@code node} binary, if one was set (else it is searched for) */
    public Optional<Path> nodePath() {
        return Optional.ofNullable(nodePath);
    }

    /** @return the explicit CLI entry point ({@code letta.js}), if one was set (else it is searched for) */
    public Optional<Path> cliPath() {
        return Optional.ofNullable(cliPath);
    }

    /** @return where the CLI keeps agents and runs models */
    public CliBackend cliBackend() {
        return cliBackend;
    }

    /** @return extra environment for the subprocess (values may be secrets: never logged) */
    public Map<String, String> env() {
        return env;
    }

    /**
     * @return the only variables of the JVM's environment the subprocess inherits, if limited (else all but the
     *     parent-agent ones)
     */
    public Optional<Set<String>> inheritedEnv() {
        return Optional.ofNullable(inheritedEnv);
    }

    /**
     * @return the subprocess's working directory when the session sets no {@code cwd}, if set (else the JVM's
     *     working directory)
     */
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** @return extra CLI arguments, appended verbatim */
    public List<String> extraArgs() {
        return extraArgs;
    }

    /** @return how long to wait for the CLI's handshake ({@code system/init}) */
    public Duration startupTimeout() {
        return startupTimeout;
    }

    /** @return how long to wait for a control response */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how long {@code close()} waits after stdin EOF before destroying the process */
    public Duration closeGracePeriod() {
        return closeGracePeriod;
    }

    /** @return the largest stdout line accepted (tool results and images can be many MiB) */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** @return whether the pinned Node and CLI are installed into the user's cache on first use when missing */
    public boolean installPeers() {
        return installPeers;
    }

    /** @return how the CLI runs: a process per session, or one loopback app server per client */
    public LocalMode mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalOptions l && Objects.equals(nodePath, l.nodePath)
                && Objects.equals(cliPath, l.cliPath) && cliBackend.equals(l.cliBackend) && env.equals(l.env)
                && Objects.equals(inheritedEnv, l.inheritedEnv) && Objects.equals(workingDirectory, l.workingDirectory) && extraArgs.equals(l.extraArgs)
                && startupTimeout.equals(l.startupTimeout) && requestTimeout.equals(l.requestTimeout)
                && closeGracePeriod.equals(l.closeGracePeriod) && maxLineBytes == l.maxLineBytes
                && installPeers == l.installPeers && mode == l.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodePath, cliPath, cliBackend, env, inheritedEnv, workingDirectory, extraArgs,
                startupTimeout, requestTimeout, closeGracePeriod, maxLineBytes, installPeers, mode);
    }

    /** @return a builder with defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodePath = nodePath;
        b.cliPath = cliPath;
        b.cliBackend = cliBackend;
        b.env.putAll(env);
        b.inheritedEnv = inheritedEnv;
        b.workingDirectory = workingDirectory;
        b.extraArgs = extraArgs;
        b.startupTimeout = startupTimeout;
        b.requestTimeout = requestTimeout;
        b.closeGracePeriod = closeGracePeriod;
        b.maxLineBytes = maxLineBytes;
        b.installPeers = installPeers;
        b.mode = mode;
        return b;
    }

    /** Shows the env keys but never their values, which may be secrets. */
    @Override
    public String toString() {
        return "LocalOptions[nodePath=" + nodePath + ", cliPath=" + cliPath + ", cliBackend=" + cliBackend
                + ", env=" + env.keySet() + ", inheritedEnv=" + inheritedEnv + ", workingDirectory=" + workingDirectory + ", extraArgs=" + extraArgs
                + ", startupTimeout=" + startupTimeout + ", requestTimeout=" + requestTimeout
                + ", closeGracePeriod=" + closeGracePeriod + ", maxLineBytes=" + maxLineBytes + ", installPeers=" + installPeers + ", mode=" + mode + "]";
    }

    /** Builds {@link LocalOptions}; every setter validates its argument. */
    public static final class Builder {
        private Path nodePath;
        private Path cliPath;
        private CliBackend cliBackend = CliBackend.cliDefault();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Set<String> inheritedEnv;
        private Path workingDirectory;
        private List<String> extraArgs = List.of();
        private Duration startupTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration closeGracePeriod = Duration.ofSeconds(5);
        private int maxLineBytes = 64 * 1024 * 1024;
        private boolean installPeers;
        private LocalMode mode = LocalMode.APP_SERVER;

        private Builder() {}

        /**
         * @param nodePath the {@code node} binary (22.19+)
         * @return this
         */
        public Builder nodePath(Path nodePath) {
            this.nodePath = requireNonNull(nodePath, "LocalOptions.nodePath");
            return this;
        }

        /**
         * @param cliPath the CLI entry point, {@code .../package/letta.js}
         * @return this
         */
        public Builder cliPath(Path cliPath) {
            this.cliPath = requireNonNull(cliPath, "LocalOptions.cliPath");
            return this;
        }

        /**
         * @param cliBackend the CLI's backend (default: the CLI's own choice)
         * @return this
         */
        public Builder cliBackend(CliBackend cliBackend) {
            this.cliBackend = requireNonNull(cliBackend, "LocalOptions.cliBackend");
            return this;
        }

        /**
         * @param name an environment variable for the subprocess
         * @param value its value
         * @return this
         */
        public Builder env(String name, String value) {
            Checks.requireText(name, "LocalOptions.env name");
            env.put(name, requireNonNull(value, "LocalOptions.env value of " + name));
            return this;
        }

        /**
         * Limits what the subprocess inherits from the JVM's environment to these variables (an allow-list, e.g.
         * {@code List.of("PATH", "HOME", "LANG")}); {@link #env} still adds to them. The CLI needs {@code PATH}
         * for its tools and {@code HOME} for its settings.
         *
         * @param names the variables to inherit
         * @return this
         */
        public Builder inheritedEnv(Collection<String> names) {
            requireNonNull(names, "LocalOptions.inheritedEnv");
            names.forEach(n -> Checks.requireText(n, "LocalOptions.inheritedEnv name"));
            this.inheritedEnv = Set.copyOf(names);
            return this;
        }

        /**
         * @param workingDirectory the subprocess's working directory
         * @return this
         */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = requireNonNull(workingDirectory, "LocalOptions.workingDirectory");
            return this;
        }

        /**
         * @param extraArgs extra CLI arguments
         * @return this
         */
        public Builder extraArgs(List<String> extraArgs) {
            this.extraArgs = List.copyOf(requireNonNull(extraArgs, "LocalOptions.extraArgs"));
            return this;
        }

        /**
         * @param timeout the wait for the CLI's handshake (default 30 s)
         * @return this
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout, "LocalOptions.startupTimeout");
            return this;
        }

        /**
         * @param timeout the wait for a control response (default 30 s)
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "LocalOptions.requestTimeout");
            return this;
        }

        /**
         * @param grace the wait after stdin EOF before the process is destroyed (default 5 s)
         * @return this
         */
        public Builder closeGracePeriod(Duration grace) {
            this.closeGracePeriod = requirePositive(grace, "LocalOptions.closeGracePeriod");
            return this;
        }

        /**
         * @param maxLineBytes the largest stdout line accepted (default 64 MiB, as the remote and cloud frame limits;
         *     a line is held twice while decoded, so this bounds the heap one line can take)
         * @return this
         */
        public Builder maxLineBytes(int maxLineBytes) {
            this.maxLineBytes = requirePositive(maxLineBytes, "LocalOptions.maxLineBytes");
            return this;
        }

        /**
         * Opts in to installing the pinned Node and Letta Code CLI into the user's cache
         * ({@code $XDG_CACHE_HOME/letta-code-java}, default {@code ~/.cache/letta-code-java}) on first use when
         * neither {@link #cliPath}, {@code LETTA_CLI_PATH} nor a previous install names them; the cached install
         * is then used instead of {@code PATH}. Needs {@code npm} (any version) on {@code PATH} and takes a minute
         * or so once; progress goes to the {@code System.Logger} {@code ai.letta.code.transport.local.install}.
         *
         * @return this
         */
        public Builder installPeers() {
            this.installPeers = true;
            return this;
        }

        /**
         * How the CLI runs (default {@link LocalMode#APP_SERVER}: every session of the client on one loopback
         * {@code letta server}, so a session opens in a few hundred milliseconds instead of a CLI start-up each, and
         * ten sessions take the memory of one); {@link LocalMode#STDIO} runs a CLI process per session.
         *
         * @param mode the mode
         * @return this
         */
        public Builder mode(LocalMode mode) {
            this.mode = requireNonNull(mode, "LocalOptions.mode");
            return this;
        }

        /** @return the options */
        public LocalOptions build() {
            return new LocalOptions(this);
        }
    }
}
