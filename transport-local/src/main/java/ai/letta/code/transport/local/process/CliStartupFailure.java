package ai.letta.code.transport.local.process;

import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.spi.Redaction;
import java.util.Optional;

/**
 * A CLI process that ended before its handshake ({@code system/init}), with what it said about it. CLI 0.32.18
 * reports a failure of its own startup requests (e.g. {@code POST /v1/agents} for {@code --new-agent}) not on
 * stderr but as one stdout line, {@code {"type":"error","message":"401 {\"detail\":...}","session_id":"startup"}},
 * then exits 1 (verified against a fake Letta API answering 401, 403, 404, 409, 429, 500 and 503; stderr stays
 * empty). Without that line the failure would read "exit code 1, stderr was empty" and lose the status; the
 * listeners keep it and {@link CliSpawner#await} types the failure by it. Package-private: it never leaves the
 * handshake.
 */
public final class CliStartupFailure extends TransportLostException {

    private static final long serialVersionUID = 1L;

    private final String reported;

    private CliStartupFailure(String message, Integer exitCode, String stderr, String reported) {
        super(message, exitCode, stderr, null);
        this.reported = reported;
    }

    /**
     * @param transport the process, or null if it never attached
     * @param exitCode how it ended, or null
     * @param reported the message of its last {@code type:error} line before it ended, or null
     * @return the failure, its message naming the exit, the reported error (secrets redacted) and the stderr tail
     */
    public static CliStartupFailure of(StdioTransport transport, Integer exitCode, String reported) {
        String said = reported == null ? null : Redaction.head(transport == null ? Redaction.text(reported)
                : transport.stderr().redact(reported), Redaction.MAX_MESSAGE);
        return new CliStartupFailure("the Letta Code CLI " + (exitCode == null ? "stopped" : "exited with code "
                + exitCode) + " before its handshake (system/init)" + (said == null ? "" : "; it reported: " + said)
                + (transport == null ? "" : transport.stderr().forMessage()), exitCode,
                transport == null ? null : transport.stderr().text(), said);
    }

    /** @return the error the CLI printed before it ended (redacted), if it printed one */
    Optional<String> reported() {
        return Optional.ofNullable(reported);
    }
}
