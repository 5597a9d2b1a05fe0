package ai.letta.code.transport.local.server;

import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.transport.local.process.CliSpawner;
import ai.letta.code.transport.local.process.LaunchSpec;
import ai.letta.code.transport.local.process.ProcessLauncher;
import ai.letta.code.transport.local.process.StdioTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code letta server --listen ws://127.0.0.1:0} child of this JVM (app-server-ws.md §1): a loopback port the OS
 * picks, and a capability token only this client knows, so no other local user or browser page can drive it. The
 * token reaches the server through a file readable by this user alone, deleted once the server listens (it keeps
 * only the token's SHA-256). The JVM stays its parent (the CLI exits when re-parented, §1.4); it is stopped with
 * the client, and on JVM exit like every CLI process of the local backend.
 */
final class LoopbackServer implements AutoCloseable {

    /** The line 0.32.18 prints once its socket is bound; connections are accepted from then on. */
    private static final Pattern LISTENING = Pattern.compile("^Listening on ws://127\\.0\\.0\\.1:(\\d+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StdioTransport process;
    private final URI uri;
    private final String token;
    private final CompletableFuture<TransportException> exited;

    private LoopbackServer(StdioTransport process, int port, String token,
            CompletableFuture<TransportException> exited) {
        this.process = process;
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        this.token = token;
        this.exited = exited;
    }

    /**
     * Spawns the server and waits, for at most {@code startupTimeout}, until it listens.
     *
     * @param launcher starts the process
     * @param spec the client's programs and environment, for {@code letta server}
     * @param maxLineBytes the stdout line cap
     * @param startupTimeout the longest the server may take to listen
     * @param whileBooting runs on the caller's thread once the server is spawned, before the wait for it to listen
     *     (the client's own start-up work, overlapping the server's second of booting)
     * @return the listening server
     */
    static LoopbackServer start(ProcessLauncher launcher, LaunchSpec spec, int maxLineBytes, Duration startupTimeout,
            Runnable whileBooting) {
        String token = newToken();
        Path secrets = tokenDirectory();
        try {
            Path tokenFile = secrets.resolve("ws-token");
            Files.writeString(tokenFile, token, StandardCharsets.UTF_8);
            CompletableFuture<Integer> listening = new CompletableFuture<>();
            CompletableFuture<TransportException> exited = new CompletableFuture<>();
            CliSpawner spawner = new CliSpawner(launcher, spec, List.of(), maxLineBytes, startupTimeout);
            StdioTransport process = spawner.spawn(List.of("server", "--listen", "ws://127.0.0.1:0", "--ws-auth",
                    "capability-token", "--ws-token-file", tokenFile.toString()), new Watcher(listening, exited));
            process.closeInput();
            whileBooting.run();
            return new LoopbackServer(process, awaitPort(listening, process, startupTimeout), token, exited);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the app server's token file in " + secrets, e);
        } finally {
            deleteQuietly(secrets);
        }
    }

    /** @return where it listens, {@code ws://127.0.0.1:<port>/ws} */
    URI uri() {
        return uri;
    }

    /** @return the capability token, for the upgrade's {@code Authorization} header only */
    String token() {
        return token;
    }

    /**
     * @return completes, on the thread that read its end, when it ends without being stopped: its exit code and
     *     stderr tail; never completes when {@link #close()} stopped it
     */
    CompletableFuture<TransportException> exited() {
        return exited;
    }

    /** @return its process id */
    long pid() {
        return process.pid();
    }

    /**
     * Stops it at once: SIGTERM (it reads no stdin, so an EOF would ask nothing), SIGKILL soon after, and its
     * descendants (tools it started). Idempotent.
     */
    @Override
    public void close() {
        process.kill();
    }

    @Override
    public String toString() {
        return "the loopback app server at " + uri + " (pid " + process.pid() + ")";
    }

    private static int awaitPort(CompletableFuture<Integer> listening, StdioTransport process, Duration timeout) {
        String command = "\n  command: " + String.join(" ", process.command());
        try {
            return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.kill();
            throw new OperationTimeoutException("the Letta Code app server printed no 'Listening on ws://…' line "
                    + "within " + timeout.toMillis() + " ms (LocalOptions.startupTimeout)" + process.stderr()
                    .forMessage() + command);
        } catch (ExecutionException e) {
            process.kill();
            throw e.getCause() instanceof TransportException lost
                    ? new TransportException(lost.getMessage() + command, lost.exitCode().isPresent()
                            ? lost.exitCode().getAsInt() : null, lost.diagnosticTail().orElse(null), null)
                    : new TransportException("the Letta Code app server failed to start" + command, null, null,
                            e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            throw new SessionClosedException("interrupted while the Letta Code app server started", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path tokenDirectory() {
        try {
            return Files.createTempDirectory("letta-app-server-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a private directory for the app server's token", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temp directory left behind holds a token of a server that is gone or about to be: harmless.
        }
    }

    /** Reads the port off stdout, then watches for the server's end. */
    private static final class Watcher implements StdioTransport.Listener {
        private final CompletableFuture<Integer> listening;
        private final CompletableFuture<TransportException> exited;
        private StdioTransport process;

        Watcher(CompletableFuture<Integer> listening, CompletableFuture<TransportException> exited) {
            this.listening = listening;
            this.exited = exited;
        }

        @Override
        public void attached(StdioTransport transport) {
            process = transport;
        }

        @Override
        public void line(String line) {
            if (!listening.isDone()) {
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        }

        @Override
        public void lineTooLong(FrameTooLongException tooLong) {}

        @Override
        public void ended(boolean requested, Integer exitCode) {
            TransportException gone = new TransportException("the Letta Code app server (letta server, pid "
                    + process.pid() + ") exited" + (exitCode == null ? "" : " with code " + exitCode)
                    + process.stderr().forMessage(), exitCode, process.stderr().text(), null);
            if (!listening.completeExceptionally(gone) && !requested) {
                exited.complete(gone);
            }
        }
    }
}
