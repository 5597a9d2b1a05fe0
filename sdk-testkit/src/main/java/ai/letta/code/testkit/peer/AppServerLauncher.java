package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spawns an App Server for {@link AppServerProcess.Builder#start()} and waits, bounded, until it listens and
 * answers {@code /healthz}.
 */
final class AppServerLauncher {

    /** What the {@code Listening} line said, and when it was read. */
    private record Listening(String host, int port, long readAtNanos) {
    }

    /** {@code Listening on ws://127.0.0.1:PORT}, printed once the socket is bound (app-server-ws.md §1). */
    private static final Pattern LISTENING = Pattern.compile("^Listening on ws://([^/\\s:]+|\\[[^\\]]+]):(\\d+)");

    private AppServerLauncher() {
    }

    static AppServerProcess start(AppServerProcess.Builder options) {
        ScratchDirs dirs = ScratchDirs.create("letta-app-server-", options.workDir);
        try {
            options.backend.prepareHome(dirs.home());
            Launched launched = launch(options, dirs, 0);
            return new AppServerProcess(options, launched.child(), dirs, launched.host(), launched.port(),
                    launched.startupTime());
        } catch (RuntimeException e) {
            dirs.delete();
            throw e;
        }
    }

    /**
     * Spawns the server in {@code dirs} listening on {@code port} (0: a free port the OS picks) and waits until it
     * is healthy. On failure the process is stopped and a {@link PeerProcessException} thrown; {@code dirs} stay.
     */
    static Launched launch(AppServerProcess.Builder options, ScratchDirs dirs, int port) {
        PeerInstall install = options.install;
        List<String> command = new ArrayList<>(List.of(install.node().toString(), install.cli().toString(),
                "server", "--listen", "ws://127.0.0.1:" + port));
        if (options.token != null) {
            command.addAll(List.of("--ws-auth", "capability-token", "--ws-token-file",
                    writeTokenFile(dirs.secrets(), options.token).toString()));
        }
        command.addAll(options.extraArgs);
        Map<String, String> env = PeerEnvironment.base(install, dirs.home());
        env.putAll(options.backend.env(true));
        env.putAll(options.env);
        CompletableFuture<Listening> listening = new CompletableFuture<>();
        ChildProcess child = ChildProcess.start("letta-app-server", command, dirs.workDir(), env,
                options.maxLineChars, new LinePump.Sink() {
                    @Override
                    public void line(String line) {
                        Matcher matcher = LISTENING.matcher(line);
                        if (matcher.find()) {
                            listening.complete(new Listening(matcher.group(1),
                                    Integer.parseInt(matcher.group(2)), System.nanoTime()));
                        }
                    }

                    @Override
                    public void end(Exception failure) {
                        listening.completeExceptionally(new IOException("stdout ended"
                                + (failure == null ? "" : " (" + failure.getMessage() + ")")));
                    }
                });
        // The server reads no stdin (app-server-ws.md §1); closing it at once means it can never block on it.
        try {
            child.stdin().close();
        } catch (IOException e) {
            // Already gone; the wait below reports why.
        }
        long deadline = System.nanoTime() + options.startupTimeout.toNanos();
        Listening bound = awaitListening(child, listening, options.startupTimeout);
        awaitHealthy(child, bound, deadline);
        return new Launched(child, bound.host(), bound.port(),
                child.sinceSpawn().minusNanos(System.nanoTime() - bound.readAtNanos()));
    }

    /** A server that listens and answers {@code /healthz}. */
    record Launched(ChildProcess child, String host, int port, Duration startupTime) {
    }

    private static Listening awaitListening(ChildProcess child, CompletableFuture<Listening> listening,
            Duration timeout) {
        String failure;
        try {
            return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "the App Server printed no 'Listening on ws://…' line within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            child.awaitExit(Duration.ofSeconds(2));
            failure = "the App Server ended before printing 'Listening on ws://…': " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while waiting for the App Server to listen";
        }
        throw fail(child, failure);
    }

    /**
     * Waits for {@code GET /healthz} to answer 200. The server prints {@code Listening} a few microtasks before it
     * installs its SIGTERM handler (letta.js: {@code onListening} runs inside {@code startAppServer}, and
     * {@code waitForShutdown} only after it resolves); a SIGTERM in that gap kills it with 143 and no
     * "Stopped App Server" line. Any HTTP answer proves those microtasks ran, so stop() is graceful afterwards.
     */
    private static void awaitHealthy(ChildProcess child, Listening bound, long deadlineNanos) {
        String last = "no answer";
        while (System.nanoTime() < deadlineNanos && child.process().isAlive()) {
            Duration left = Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
            try {
                int status = HealthProbe.status(bound.host(), bound.port(), "/healthz",
                        left.compareTo(Duration.ofSeconds(5)) < 0 ? left : Duration.ofSeconds(5));
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(child, "interrupted while probing the App Server's /healthz");
            }
            sleepBriefly();
        }
        throw fail(child, "the App Server printed 'Listening' but GET /healthz did not answer 200 in time ("
                + last + ")");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the failure message while the process still runs, then stops it, so nothing outlives a failed start. */
    private static PeerProcessException fail(ChildProcess child, String headline) {
        String message = child.diagnostics(headline);
        child.stop(Duration.ofSeconds(2), false);
        return new PeerProcessException(message);
    }

    /** The token goes in a file readable only by its owner; the server keeps just its SHA-256. */
    private static Path writeTokenFile(Path secrets, String token) {
        Path file = secrets.resolve("ws-token").toAbsolutePath();
        try {
            Files.writeString(file, token, StandardCharsets.UTF_8);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the token file " + file, e);
        }
        return file;
    }
}
