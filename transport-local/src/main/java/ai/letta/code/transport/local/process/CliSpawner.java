package ai.letta.code.transport.local.process;

import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the CLI processes of one session (its first, and any replacement after an interrupt the CLI could not
 * finish) and waits for each one's handshake, {@code system/init} (local-stdio.md §4.1), for at most the startup
 * timeout. A process that exits first is reported with its exit code and stderr tail; the CLI's "not found" for an
 * agent or a conversation becomes the typed {@link AgentNotFoundException} / {@link ConversationNotFoundException},
 * and its refusal of dreaming for an agent without memfs a {@link ConfigurationException} saying what to change.
 *
 * <p>Immutable and thread-safe.
 */
public final class CliSpawner {

    /** How CLI 0.32.18 says that an {@code --agent} or {@code --conversation} does not exist (on stderr, exit 1). */
    private static final Pattern NOT_FOUND = Pattern.compile("(Agent|Conversation) (\\S+) not found");

    /**
     * How CLI 0.32.18 refuses {@code --reflection-trigger} (dreaming) for an agent whose memory filesystem is off
     * (stderr, exit 1). On its own local backend memfs is always on; in API mode it is per agent.
     */
    private static final Pattern NEEDS_MEMFS = Pattern.compile(
            "--reflection-trigger (\\S+) requires memfs enabled for this agent\\.?");

    /**
     * How CLI 0.32.18 words a refused startup request in its {@code type:error} line: the Letta client's
     * {@code "<status> <body>"} (see {@link CliStartupFailure}).
     */
    private static final Pattern HTTP_STATUS = Pattern.compile("^([45]\\d\\d)\\b");

    private final ProcessLauncher launcher;
    private final LaunchSpec spec;
    private final List<String> extraArgs;
    private final int maxLineBytes;
    private final Duration startupTimeout;

    /**
     * @param launcher starts processes
     * @param spec programs, backend flags, environment and working directory (the session's)
     * @param extraArgs {@code LocalOptions.extraArgs}, appended last
     * @param maxLineBytes the stdout line cap
     * @param startupTimeout the bound of each handshake
     */
    public CliSpawner(ProcessLauncher launcher, LaunchSpec spec, List<String> extraArgs, int maxLineBytes,
            Duration startupTimeout) {
        this.launcher = launcher;
        this.spec = spec;
        this.extraArgs = List.copyOf(extraArgs);
        this.maxLineBytes = maxLineBytes;
        this.startupTimeout = startupTimeout;
    }

    /**
     * @param args the session's flags (protocol, routing, mode, model)
     * @return the whole command line
     */
    List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(spec.programs());
        command.addAll(spec.backendArgs());
        command.addAll(args);
        command.addAll(extraArgs);
        return command;
    }

    /**
     * Spawns a process and returns once it is running; the caller waits for its handshake with {@link #await}.
     *
     * @param args the session's flags
     * @param listener receives the process's lines and its end
     * @return the running process
     * @throws TransportException if it cannot be started
     */
    public StdioTransport spawn(List<String> args, StdioTransport.Listener listener) {
        List<String> command = command(args);
        try {
            return StdioTransport.start(launcher, command, spec.env(), spec.workingDirectory(), maxLineBytes,
                    listener);
        } catch (IOException e) {
            throw new TransportException("could not start the Letta Code CLI: " + e.getMessage() + "\n  command: "
                    + String.join(" ", command) + "\n  working directory: " + spec.workingDirectory(), null, null, e);
        }
    }

    /**
     * Waits for a process's handshake; on any failure the process is killed before this throws.
     *
     * @param handshake completed by the listener with {@code system/init}, or exceptionally when the process ends
     * @param transport the process
     * @param <T> what the handshake carries
     * @return the handshake
     */
    public <T> T await(CompletableFuture<T> handshake, StdioTransport transport) {
        String command = "\n  command: " + String.join(" ", transport.command());
        try {
            return handshake.get(startupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transport.kill();
            throw new OperationTimeoutException("the Letta Code CLI did not send its handshake (system/init) within "
                    + startupTimeout.toMillis() + " ms (LocalOptions.startupTimeout)"
                    + transport.stderr().forMessage() + command);
        } catch (ExecutionException e) {
            transport.kill();
            if (!(e.getCause() instanceof TransportException lost)) {
                throw new TransportException("the Letta Code CLI failed during its handshake" + command, null, null,
                        e.getCause());
            }
            Matcher notFound = NOT_FOUND.matcher(lost.diagnosticTail().orElse(""));
            if (notFound.find()) {
                String message = notFound.group(0) + " (the Letta Code CLI's backend has no such "
                        + notFound.group(1).toLowerCase(java.util.Locale.ROOT) + ")";
                throw notFound.group(1).equals("Agent") ? new AgentNotFoundException(message, lost)
                        : new ConversationNotFoundException(message, lost);
            }
            Matcher needsMemfs = NEEDS_MEMFS.matcher(lost.diagnosticTail().orElse(""));
            if (needsMemfs.find()) {
                throw new ConfigurationException("SessionOptions.dreaming (trigger " + needsMemfs.group(1) + ") needs"
                        + " the agent's memory filesystem (memfs), which is off for this agent, so the Letta Code CLI"
                        + " refused to start: \"" + needsMemfs.group(0) + "\". Open the session without dreaming"
                        + " (or with Dreaming.off()), or enable memfs for the agent: the CLI flag --memfs does it at"
                        + " spawn (LocalOptions.extraArgs), given a Letta server that hosts git memory (Letta Cloud"
                        + " does; the CLI's own local backend always has it)", lost);
            }
            if (lost instanceof CliStartupFailure startup && startup.reported().isPresent()) {
                Matcher status = HTTP_STATUS.matcher(startup.reported().get());
                if (status.find()) {
                    throw refused(Integer.parseInt(status.group(1)), lost, command);
                }
            }
            throw new TransportException(lost.getMessage() + command,
                    lost.exitCode().isPresent() ? lost.exitCode().getAsInt() : null,
                    lost.diagnosticTail().orElse(null), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transport.kill();
            throw new SessionClosedException("interrupted while the Letta Code CLI started", e);
        }
    }

    /**
     * @param status the HTTP status the CLI's Letta API refused a startup request with
     * @param lost the process's end, its message quoting the CLI's error
     * @param command the command line, for the message
     * @return the typed exception for the status; 5xx and others stay a {@link TransportException}
     */
    static RuntimeException refused(int status, TransportException lost, String command) {
        String message = "the Letta API refused a request of the Letta Code CLI with HTTP " + status + ": "
                + lost.getMessage();
        return switch (status) {
            case 401, 403 -> new AuthenticationException(message + "; check the API key the CLI uses"
                    + " (CliBackend.lettaApi(url, key) or LETTA_API_KEY)" + command, lost);
            case 404 -> new NotFoundException(message + command, lost);
            case 409 -> new ConflictException(message + command, lost);
            // The CLI's line carries no Retry-After; its client already retried with backoff.
            case 429 -> new RateLimitException(message + "; try again later" + command, null);
            default -> new TransportException(message + command, lost.exitCode().isPresent()
                    ? lost.exitCode().getAsInt() : null, lost.diagnosticTail().orElse(null), lost);
        };
    }
}
