package ai.letta.code.spi;

import ai.letta.code.api.backend.BackendKind;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The raw messages a session's peer understands, by their {@code type} field: what {@code Session.sendCommand} may
 * send on that transport. The engine refuses any other type before sending it, with an
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} that lists these, because a peer silently
 * ignores a message it does not know and the caller would wait out its whole timeout.
 *
 * @param backend the backend whose peer this is, for the message
 * @param types the accepted {@code type} values (kept sorted, for the message)
 * @param note how the types are used on this peer, appended to the message (may be empty)
 */
public record AcceptedCommands(BackendKind backend, Set<String> types, String note) {

    /**
     * Validates and copies.
     *
     * @param backend the backend whose peer this is, for the message
     * @param types the accepted {@code type} values (kept sorted, for the message)
     * @param note how the types are used on this peer, appended to the message (may be empty)
     */
    public AcceptedCommands {
        Objects.requireNonNull(backend, "backend");
        types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
        note = note == null ? "" : note;
    }

    /**
     * @param type a raw message's {@code type}
     * @return whether the peer understands it
     */
    public boolean accepts(String type) {
        return types.contains(type);
    }
}
