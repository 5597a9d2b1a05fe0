package ai.letta.code.testkit.peer;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 */
public final class AppServerProcess implements AutoCloseable {

    private final ChildProcess child;
    private final ScratchDirs dirs;
    private final String host;
    private final int port;
    private final String token;
    private final Duration startupTime;
    private final Duration stopGrace;
    private final boolean keepScratch;
    private Integer exitCode;

    AppServerProcess(ChildProcess child, ScratchDirs dirs, String host, int port, String token,
            Duration startupTime, Duration stopGrace, boolean keepScratch) {
        this.child = child;
        this.dirs = dirs;
        this.host = host;
        this.port = port;
        this.token = token;
        this.startupTime = startupTime;
        this.stopGrace = stopGrace;
        this.keepScratch = keepScratch;
    }

    /** A builder for the install found by {@link PeerInstall#locate()}. */
    public static Builder builder() {
        return new Builder(PeerInstall.locate());
    }

    /** A builder for a given install. */
    public static Builder builder(PeerInstall install) {
        return new Builder(install);
    }

    /** The websocket endpoint, {@code ws://127.0.0.1:PORT/ws}. */
    public URI wsUri() {
        return URI.create("ws://" + host + ":" + port + "/ws");
    }

    /** The plain HTTP base on the same port ({@code /healthz}, {@code /readyz}, {@code /app-server-info}). */
    public URI httpUri() {
        return URI.create("http://" + host + ":" + port);
    }

    public int port() {
        return port;
    }

    /** The capability token to send as {@code Authorization: Bearer <token>}; empty when auth is off. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public long pid() {
        return child.process().pid();
    }

    public boolean isAlive() {
        return child.process().isAlive();
    }

    /** The server's fresh {@code HOME}. */
    public Path home() {
        return dirs.home();
    }

    /** The server's working directory (its boot cwd). */
    public Path workDir() {
        return dirs.workDir();
    }

    public List<String> command() {
        return child.command();
    }

    /** Spawn to the {@code Listening} line. */
    public Duration startupTime() {
        return startupTime;
    }

    public String stdoutTail() {
        return child.stdoutTail();
    }

    public String stderrTail() {
        return child.stderrTail();
    }

    /**
     * Stops the server (SIGTERM, grace, SIGKILL, descendants too) and returns its exit code, 0 after a clean
     * SIGTERM. Idempotent: later calls return the same code.
     */
    public synchronized int stop() {
        if (exitCode == null) {
            try {
                exitCode = child.stop(stopGrace, false);
            } finally {
                if (!keepScratch) {
                    dirs.delete();
                }
            }
        }
        return exitCode;
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

        /** The backend; default {@link PeerBackend#deterministic()}. {@code fakeHeadless()} is stdio-only. */
        public Builder backend(PeerBackend backend) {
            Objects.requireNonNull(backend, "backend");
            if (!backend.supportsAppServer()) {
                throw new IllegalArgumentException("the App Server cannot run on " + backend
                        + "; use deterministic(), lmStudio(), openAiCompatible() or api()");
            }
            this.backend = backend;
            return this;
        }

        /** Turns on {@code --ws-auth capability-token} with a fresh random token (read it from {@link #token()}). */
        public Builder capabilityToken() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return capabilityToken(HexFormat.of().formatHex(bytes));
        }

        /** Turns on {@code --ws-auth capability-token} with this token, written to a private token file. */
        public Builder capabilityToken(String token) {
            this.token = LettaCodeCli.requireText(token, "token").strip();
            return this;
        }

        /** The server's working directory (its boot cwd); default a fresh temp folder. */
        public Builder workDir(Path dir) {
            this.workDir = Objects.requireNonNull(dir, "workDir").toAbsolutePath();
            return this;
        }

        /** An extra environment variable, applied last. */
        public Builder env(String name, String value) {
            env.put(LettaCodeCli.requireText(name, "env name"), Objects.requireNonNull(value, "env value"));
            return this;
        }

        /** Extra arguments after {@code server --listen ws://127.0.0.1:0}. */
        public Builder args(String... args) {
            for (String arg : args) {
                extraArgs.add(Objects.requireNonNull(arg, "arg"));
            }
            return this;
        }

        /** How long to wait for the {@code Listening} line; default 30 s, as the upstream launcher. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = LettaCodeCli.requirePositive(timeout, "startupTimeout");
            return this;
        }

        /** How long {@code stop()} waits after SIGTERM before SIGKILL; default 5 s. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = LettaCodeCli.requirePositive(grace, "stopGrace");
            return this;
        }

        /** Keep the temp HOME and folders after stop, for debugging; default false. */
        public Builder keepScratch(boolean keep) {
            this.keepScratch = keep;
            return this;
        }

        /** Spawns the server and waits for it to listen. The caller owns the result and must close it. */
        public AppServerProcess start() {
            return AppServerLauncher.start(this);
        }
    }
}
