package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A real Letta Code "remote computer" listener, {@code node letta.js server --computer-name NAME --debug}, pointed
 * at a fake Letta Cloud (cloud-relay.md §1): fresh {@code HOME} and cwd, {@code LETTA_BASE_URL},
 * {@code LETTA_API_KEY}, {@code IGNORE_SELF_HOSTED_LISTENER_ERROR=1} (without it a non-cloud base URL makes it exit
 * 1), telemetry off, and {@code LETTA_LISTENER_DEVICE_ID} when a device id is given (else the listener makes one up
 * in {@code $HOME/.letta/settings.json}).
 *
 * <p>{@link #start} returns once the process is spawned; it registers about 1–1.6 s later. Whoever serves the base
 * URL sees it come online. It is this JVM's direct child (the CLI exits when orphaned). {@link #close()} stops it
 * (SIGTERM, then SIGKILL after 2 s) with its descendants and deletes its folders; idempotent. Thread-safe.
 */
public final class ListenerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private final String computerName;
    private final String deviceId;
    private final ChildProcess child;
    private final ScratchDirs dirs;
    private Integer exitCode;
    private volatile boolean ended;

    private ListenerProcess(String computerName, String deviceId, ChildProcess child, ScratchDirs dirs) {
        this.computerName = computerName;
        this.deviceId = deviceId;
        this.child = child;
        this.dirs = dirs;
    }

    /**
     * Spawns a listener.
     *
     * @param install the Node and CLI to run
     * @param baseUrl the cloud's base URL
     * @param apiKey the API key
     * @param computerName the environment's name ({@code --computer-name})
     * @param deviceId  the device id to register with, or null to let the listener pick one
     * @param extraEnv  more variables, applied last (e.g. {@code LETTA_LISTENER_STREAM_OPEN_TIMEOUT_MS})
     * @return the running listener
     */
    public static ListenerProcess start(PeerInstall install, URI baseUrl, String apiKey, String computerName,
            String deviceId, Map<String, String> extraEnv) {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(computerName, "computerName");
        ScratchDirs dirs = ScratchDirs.create("letta-listener-", null);
        Map<String, String> env = new LinkedHashMap<>(PeerEnvironment.base(install, dirs.home()));
        env.put("LETTA_BASE_URL", baseUrl.toString());
        env.put("LETTA_API_KEY", apiKey);
        env.put("IGNORE_SELF_HOSTED_LISTENER_ERROR", "1");
        if (deviceId != null) {
            env.put("LETTA_LISTENER_DEVICE_ID", deviceId);
        }
        env.putAll(extraEnv);
        List<String> command = List.of(install.node().toString(), install.cli().toString(), "server",
                "--computer-name", computerName, "--debug");
        try {
            ChildProcess child = ChildProcess.start("letta-listener", command, dirs.workDir(), env, MAX_LINE_CHARS,
                    new LinePump.Sink() {
                        @Override
                        public void line(String line) {
                        }

                        @Override
                        public void end(Exception failure) {
                        }
                    });
            // The listener reads no stdin; closed at once it can never block on it.
            closeQuietly(child);
            return new ListenerProcess(computerName, deviceId, child, dirs);
        } catch (RuntimeException e) {
            dirs.delete();
            throw e;
        }
    }

    /** @return the {@code --computer-name}: the {@code connectionName} it registers with */
    public String computerName() {
        return computerName;
    }

    /** @return the device id it was told to use, if any */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /**
     * The listener's process id.
     *
     * @return the pid
     */
    public long pid() {
        return child.process().pid();
    }

    /**
     * Whether the listener still runs.
     *
     * @return whether it runs
     */
    public boolean isAlive() {
        return child.process().isAlive();
    }

    /**
     * Whether it exited without being asked to: it is not alive, and neither {@link #kill()} nor {@link #stop()}
     * ended it. A wait for what follows a kill (the relay seeing the socket close) must not read the death it caused
     * as a crash.
     *
     * @return whether it died on its own
     */
    public boolean exitedOnItsOwn() {
        return !ended && !isAlive();
    }

    /** @return its fresh {@code HOME} */
    public Path home() {
        return dirs.home();
    }

    /** @return its working directory; approved tools run there */
    public Path workDir() {
        return dirs.workDir();
    }

    /** @return the last stdout lines ({@code --debug} logs every frame), indented, for messages */
    public String stdoutTail() {
        return child.stdoutTail();
    }

    /** @return the last stderr lines, indented, for messages */
    public String stderrTail() {
        return child.stderrTail();
    }

    /**
     * A failure message: {@code headline}, the command, the exit state and both tails.
     *
     * @param headline what went wrong
     * @return the message
     */
    public String diagnostics(String headline) {
        return child.diagnostics(headline);
    }

    /**
     * An exception for a listener that did not do what was awaited; its message is {@link #diagnostics}.
     *
     * @param headline what went wrong
     * @return the exception
     */
    public PeerProcessException failure(String headline) {
        return new PeerProcessException(diagnostics(headline));
    }

    /**
     * Waits up to {@code timeout} for it to exit; its exit code, or empty while it still runs.
     *
     * @param timeout the longest wait
     * @return the exit code, or empty
     */
    public Optional<Integer> awaitExit(Duration timeout) {
        return Optional.ofNullable(child.awaitExit(timeout));
    }

    /**
     * Kills it at once (SIGKILL, descendants too), as a crash would; its folders stay until {@link #close()}. The
     * relay sees 1006 on its sockets.
     *
     * @return the exit code (137 on Linux)
     */
    public synchronized int kill() {
        ended = true;
        Set<ProcessHandle> family = new LinkedHashSet<>(child.process().descendants().toList());
        child.process().toHandle().destroyForcibly();
        Integer code = child.awaitExit(Duration.ofSeconds(5));
        ChildProcess.killAll(family);
        if (code == null) {
            throw new PeerProcessException(child.diagnostics("the listener survived SIGKILL for 5 s"));
        }
        return code;
    }

    /**
     * Stops it (SIGTERM, 2 s, SIGKILL; descendants too) and deletes its folders; returns the exit code.
     *
     * @return the exit code
     */
    public synchronized int stop() {
        ended = true;
        if (exitCode == null) {
            try {
                exitCode = child.stop(STOP_GRACE, false);
            } finally {
                dirs.delete();
            }
        }
        return exitCode;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "ListenerProcess[" + computerName + ", pid " + pid() + (isAlive() ? "" : ", exited") + "]";
    }

    private static void closeQuietly(ChildProcess child) {
        try {
            child.stdin().close();
        } catch (IOException e) {
            // Already gone; whoever waits for it to come online reports why.
        }
    }
}
