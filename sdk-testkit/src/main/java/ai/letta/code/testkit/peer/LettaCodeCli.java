package ai.letta.code.testkit.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the real pinned Letta Code CLI in stdio mode:
 * {@code node letta.js -p --input-format stream-json --output-format stream-json --permission-mode <mode> …}.
 * Immutable and reusable: every {@link #start()} gets a fresh {@code HOME}, and a fresh working directory unless
 * one was given, so runs never share {@code ~/.letta} state (local-stdio.md §5.4 (d)).
 *
 * <pre>{@code
 * try (CliProcess cli = LettaCodeCli.builder().backend(PeerBackend.deterministic()).build().start()) {
 *     cli.awaitJson(JsonMatch.type("system", "init"), Duration.ofSeconds(15));
 *     cli.send("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"ping\"}}");
 *     cli.awaitJson(JsonMatch.type("result"), Duration.ofSeconds(15));
 * }
 * }</pre>
 */
public final class LettaCodeCli {

    private final PeerInstall install;
    private final PeerBackend backend;
    private final String permissionMode;
    private final String model;
    private final Path workDir;
    private final Map<String, String> env;
    private final List<String> extraArgs;
    private final Duration closeGrace;
    private final int maxLineChars;
    private final boolean keepScratch;

    private LettaCodeCli(Builder b) {
        this.install = b.install;
        this.backend = b.backend;
        this.permissionMode = b.permissionMode;
        this.model = b.model;
        this.workDir = b.workDir;
        this.env = Map.copyOf(b.env);
        this.extraArgs = List.copyOf(b.extraArgs);
        this.closeGrace = b.closeGrace;
        this.maxLineChars = b.maxLineChars;
        this.keepScratch = b.keepScratch;
    }

    /**
     * A builder for the install found by {@link PeerInstall#locate()}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(PeerInstall.locate());
    }

    /**
     * A builder for a given install.
     *
     * @param install the Node and CLI to run
     * @return a builder
     */
    public static Builder builder(PeerInstall install) {
        return new Builder(Objects.requireNonNull(install, "install"));
    }

    /**
     * The argument vector, starting with the pinned {@code node}.
     *
     * @return the argument vector
     */
    public List<String> command() {
        List<String> command = new ArrayList<>(List.of(install.node().toString(), install.cli().toString(), "-p",
                "--input-format", "stream-json", "--output-format", "stream-json"));
        command.addAll(backend.stdioArgs());
        // Always explicit: the CLI's own default is "unrestricted", which silently skips every prompt (§2.4).
        command.add("--permission-mode");
        command.add(permissionMode);
        if (model != null) {
            command.add("-m");
            command.add(model);
        }
        command.addAll(extraArgs);
        return command;
    }

    /**
     * Spawns the CLI. The caller owns the returned process and must close it.
     *
     * @return the running CLI
     */
    public CliProcess start() {
        ScratchDirs dirs = ScratchDirs.create("letta-cli-", workDir);
        try {
            backend.prepareHome(dirs.home());
            Map<String, String> environment = PeerEnvironment.base(install, dirs.home());
            environment.putAll(backend.env(false));
            environment.putAll(env);
            return CliProcess.start(command(), dirs, environment, maxLineChars, closeGrace, keepScratch);
        } catch (RuntimeException e) {
            dirs.delete();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "LettaCodeCli[" + backend + ", permission mode " + permissionMode + ", CLI " + install.cliVersion()
                + ", env keys " + env.keySet() + "]";
    }

    /** Collects the options; {@link #build()} checks nothing further since every setter validates. */
    public static final class Builder {
        private final PeerInstall install;
        private PeerBackend backend = PeerBackend.deterministic();
        private String permissionMode = "standard";
        private String model;
        private Path workDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();
        private Duration closeGrace = Duration.ofSeconds(3);
        private int maxLineChars = 32 * 1024 * 1024;
        private boolean keepScratch;

        private Builder(PeerInstall install) {
            this.install = install;
        }

        /**
         * The backend; default {@link PeerBackend#deterministic()}.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(PeerBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The value of {@code --permission-mode}, always passed; default {@code standard}. Not validated here, so a
         * test can feed the CLI a bad value and check its error.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder permissionMode(String mode) {
            this.permissionMode = requireText(mode, "permissionMode");
            return this;
        }

        /**
         * {@code -m <handle>}, e.g. {@code openai-compatible/fake-model}.
         *
         * @param handle the model handle
         * @return this builder
         */
        public Builder model(String handle) {
            this.model = requireText(handle, "model");
            return this;
        }

        /**
         * The child's working directory (tools really run there); default a fresh temp folder.
         *
         * @param dir the working directory
         * @return this builder
         */
        public Builder workDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir").toAbsolutePath();
            return this;
        }

        /**
         * An extra environment variable, applied last (it overrides the backend's and the base values).
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(requireText(name, "env name"), Objects.requireNonNull(value, "env value for " + name));
            return this;
        }

        /**
         * Extra CLI arguments, appended after the built-in ones, e.g. {@code --new-agent}.
         *
         * @param args the arguments
         * @return this builder
         */
        public Builder args(String... args) {
            for (String arg : args) {
                extraArgs.add(Objects.requireNonNull(arg, "arg"));
            }
            return this;
        }

        /**
         * How long {@code close()} waits after stdin EOF before SIGTERM; default 3 s (idle exit takes 30–130 ms).
         *
         * @param grace the wait
         * @return this builder
         */
        public Builder closeGrace(Duration grace) {
            this.closeGrace = requirePositive(grace, "closeGrace");
            return this;
        }

        /**
         * The longest stdout line accepted before reading fails; default 32 Mi chars (tool results can be big).
         *
         * @param chars the longest line, in chars
         * @return this builder
         */
        public Builder maxLineChars(int chars) {
            if (chars < 1024) {
                throw new IllegalArgumentException("maxLineChars must be >= 1024, got " + chars);
            }
            this.maxLineChars = chars;
            return this;
        }

        /**
         * Keep the temp HOME and work folder after close, for debugging; default false.
         *
         * @param keep whether to keep them
         * @return this builder
         */
        public Builder keepScratch(boolean keep) {
            this.keepScratch = keep;
            return this;
        }

        /**
         * The CLI as configured; {@link LettaCodeCli#start()} spawns it.
         *
         * @return the CLI
         */
        public LettaCodeCli build() {
            return new LettaCodeCli(this);
        }
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be non-blank, got " + (value == null ? "null"
                    : "'" + value + "'"));
        }
        return value;
    }

    static Duration requirePositive(Duration value, String field) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + value);
        }
        return value;
    }
}
