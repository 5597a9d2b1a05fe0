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

/** Spawns an App Server for {@link AppServerProcess.Builder#start()} and waits, bounded, for it to listen. */
final class AppServerLauncher {

    /** {@code Listening on ws://127.0.0.1:PORT}, printed once the socket is bound (app-server-ws.md §1). */
    private static final Pattern LISTENING = Pattern.compile("^Listening on ws://([^/\\s:]+|\\[[^\\]]+]):(\\d+)");

    private AppServerLauncher() {
    }

    static AppServerProcess start(AppServerProcess.Builder options) {
        PeerInstall install = options.install;
        ScratchDirs dirs = ScratchDirs.create("letta-app-server-", options.workDir);
        try {
            options.backend.prepareHome(dirs.home());
            List<String> command = new ArrayList<>(List.of(install.node().toString(), install.cli().toString(),
                    "server", "--listen", "ws://127.0.0.1:0"));
            if (options.token != null) {
                command.addAll(List.of("--ws-auth", "capability-token", "--ws-token-file",
                        writeTokenFile(dirs.secrets(), options.token).toString()));
            }
            command.addAll(options.extraArgs);
            Map<String, String> env = PeerEnvironment.base(install, dirs.home());
            env.putAll(options.backend.env(true));
            env.putAll(options.env);
            CompletableFuture<Matcher> listening = new CompletableFuture<>();
            ChildProcess child = ChildProcess.start("letta-app-server", command, dirs.workDir(), env,
                    options.maxLineChars, new LinePump.Sink() {
                        @Override
                        public void line(String line) {
                            Matcher matcher = LISTENING.matcher(line);
                            if (matcher.find()) {
                                listening.complete(matcher);
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
            Matcher matcher = awaitListening(child, listening, options.startupTimeout);
            return new AppServerProcess(child, dirs, matcher.group(1), Integer.parseInt(matcher.group(2)),
                    options.token, child.sinceSpawn(), options.stopGrace, options.keepScratch);
        } catch (RuntimeException e) {
            dirs.delete();
            throw e;
        }
    }

    private static Matcher awaitListening(ChildProcess child, CompletableFuture<Matcher> listening,
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
        String message = child.diagnostics(failure);
        child.stop(Duration.ofSeconds(2), false);
        throw new PeerProcessException(message);
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
