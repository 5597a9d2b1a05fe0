package ai.letta.code.testkit.peer;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A running Letta Code App Server ({@code node letta.js server --listen ws://127.0.0.1:0}) on a port the OS chose,
 * parsed from its {@code Listening on ws://127.0.0.1:PORT} line (app-server-ws.md §1). {@code start()} returns once
 * that line was printed and {@code GET /healthz} answered 200, within the startup timeout; otherwise it stops the
 * process and throws a {@link PeerProcessException} quoting the stdout and stderr tails.
 *
 * <p>The server is this JVM's direct child, never wrapped in a shell: {@code letta.js} exits silently once its
 * parent is gone (offline-peers.md §8.2). {@link #close()} sends SIGTERM (the server prints
 * {@code Stopped App Server (SIGTERM).} and exits 0), then SIGKILL after the grace period, to it and its
 * descendants, and deletes the scratch folders. It is idempotent. Start with {@link #builder()}.
 *
 * <p>For reconnect tests, {@link #kill()} crashes the server (SIGKILL) and {@link #restart()} brings it back on the
 * same port with the same {@code HOME}, so its agents and conversations survive as they would on a real host.
 */
public final class AppServerProcess extends PeerProcess {

    private final Builder options;
    private final String host;
    private final int port;
    private final String token;
    private final Duration stopGrace;
    private volatile Duration startupTime;
    private Integer exitCode;

    AppServerProcess(Builder options, ChildProcess child, ScratchDirs dirs, String host, int port,
            Duration startupTime) {
        super(child, dirs, options.keepScratch);
        this.options = options;
        this.host = host;
        this.port = port;
        this.token = options.token;
        this.startupTime = startupTime;
        this.stopGrace = options.stopGrace;
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
        return new Builder(install);
    }

    /** @return the websocket endpoint, {@code ws://127.0.0.1:PORT/ws} */
    public URI wsUri() {
        return URI.create("ws://" + host + ":" + port + "/ws");
    }

    /** @return the plain HTTP base on the same port ({@code /healthz}, {@code /readyz}, {@code /app-server-info}) */
    public URI httpUri() {
        return URI.create("http://" + host + ":" + port);
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /** @return the capability token to send as {@code Authorization: Bearer <token>}; empty when auth is off */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /**
     * Spawn to the {@code Listening} line (of the latest start, after a {@link #restart()}).
     *
     * @return the time from spawn to the {@code Listening} line
     */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * Stops the server (SIGTERM, grace, SIGKILL, descendants too) and returns its exit code, 0 after a clean
     * SIGTERM, then deletes the scratch folders. Idempotent: later calls return the same code.
     *
     * @return the exit code
     */
    public synchronized int stop() {
        if (exitCode == null) {
            exitCode = stopAndClean(stopGrace, false);
        }
        return exitCode;
    }

    /**
     * Kills the server at once (SIGKILL, descendants too), as a crash would, and keeps its {@code HOME} and
     * folders, so {@link #restart()} can bring it back with its state. Connected clients see close 1006.
     *
     * @return the exit code (137 after SIGKILL on Linux)
     * @throws IllegalStateException after {@link #stop()}
     */
    public synchronized int kill() {
        requireNotStopped("kill");
        ChildProcess child = child();
        Set<ProcessHandle> family = new LinkedHashSet<>(child.process().descendants().toList());
        child.process().toHandle().destroyForcibly();
        Integer code = child.awaitExit(Duration.ofSeconds(5));
        ChildProcess.killAll(family);
        if (code == null) {
            throw new PeerProcessException(child.diagnostics("the App Server survived SIGKILL for 5 s"));
        }
        return code;
    }

    /**
     * Stops the server if it still runs (SIGTERM, as {@link #stop()} but keeping the folders) and starts it again
     * on the same port, with the same {@code HOME}, work dir, token and options: what a restarted app server looks
     * like to its clients (agents and conversations on disk survive; turns in memory do not). Returns once the new
     * process listens and answers {@code /healthz}, like {@code start()}.
     *
     * @return this, now backed by the new process ({@link #pid()} changes)
     * @throws PeerProcessException if the new process does not come up (e.g. the port was taken meanwhile)
     * @throws IllegalStateException after {@link #stop()}
     */
    public synchronized AppServerProcess restart() {
        requireNotStopped("restart");
        if (isAlive()) {
            child().stop(stopGrace, false);
        }
        AppServerLauncher.Launched launched = AppServerLauncher.launch(options, dirs(), port);
        replaceChild(launched.child());
        startupTime = launched.startupTime();
        return this;
    }

    private void requireNotStopped(String operation) {
        if (exitCode != null) {
            throw new IllegalStateException(operation + "() after stop(): the App Server's folders are gone");
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Collects the options; every setter validates. */
    public static final class Builder {
        final PeerInstall install;
        PeerBackend backend = PeerBackend.deterministic();
        String token;
        Path workDir;
        final Map<String, String> env = new LinkedHashMap<>();
        final List<String> extraArgs = new ArrayList<>();
        Duration startupTimeout = Duration.ofSeconds(30);
        Duration stopGrace = Duration.ofSeconds(5);
        int maxLineChars = 1024 * 1024;
        boolean keepScratch;

        private Builder(PeerInstall install) {
            this.install = Objects.requireNonNull(install, "install");
        }

        /**
         * The backend; default {@link PeerBackend#deterministic()}. {@code fakeHeadless()} is stdio-only.
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(PeerBackend backend) {
            Objects.requireNonNull(backend, "backend");
            if (!backend.supportsAppServer()) {
                throw new IllegalArgumentException("the App Server cannot run on " + backend
                        + "; use deterministic(), lmStudio(), openAiCompatible() or api()");
            }
            this.backend = backend;
            return this;
        }

        /**
         * Turns on {@code --ws-auth capability-token} with a fresh random token (read it from {@link #token()}).
         *
         * @return this builder
         */
        public Builder capabilityToken() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return capabilityToken(HexFormat.of().formatHex(bytes));
        }

        /**
         * Turns on {@code --ws-auth capability-token} with this token, written to a private token file.
         *
         * @param token the capability token
         * @return this builder
         */
        public Builder capabilityToken(String token) {
            this.token = LettaCodeCli.requireText(token, "token").strip();
            return this;
        }

        /**
         * The server's working directory (its boot cwd); default a fresh temp folder.
         *
         * @param dir the working directory
         * @return this builder
         */
        public Builder workDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir").toAbsolutePath();
            return this;
        }

        /**
         * An extra environment variable, applied last.
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(LettaCodeCli.requireText(name, "env name"), Objects.requireNonNull(value, "env value"));
            return this;
        }

        /**
         * Extra arguments after {@code server --listen ws://127.0.0.1:0}.
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
         * How long to wait for the {@code Listening} line; default 30 s, as the upstream launcher.
         *
         * @param timeout the wait
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = LettaCodeCli.requirePositive(timeout, "startupTimeout");
            return this;
        }

        /**
         * How long {@code stop()} waits after SIGTERM before SIGKILL; default 5 s.
         *
         * @param grace the wait
         * @return this builder
         */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = LettaCodeCli.requirePositive(grace, "stopGrace");
            return this;
        }

        /**
         * Keep the temp HOME and folders after stop, for debugging; default false.
         *
         * @param keep whether to keep them
         * @return this builder
         */
        public Builder keepScratch(boolean keep) {
            this.keepScratch = keep;
            return this;
        }

        /**
         * Spawns the server and waits for it to listen. The caller owns the result and must close it.
         *
         * @return the listening server
         */
        public AppServerProcess start() {
            return AppServerLauncher.start(this);
        }
    }
}
