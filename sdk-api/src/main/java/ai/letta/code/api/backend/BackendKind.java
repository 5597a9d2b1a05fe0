package ai.letta.code.api.backend;

import java.util.Collection;
import java.util.stream.Collectors;

/** The three backends, each shipped as its own Maven artifact ({@code letta-code-transport-<label>}). */
public enum BackendKind {
    /** The Letta Code CLI as a local Node subprocess over stdio. */
    LOCAL("local"),
    /** A Letta Code app server over a websocket. */
    REMOTE("remote"),
    /** Letta Cloud over HTTPS. */
    CLOUD("cloud");

    private final String label;

    BackendKind(String label) {
        this.label = label;
    }

    /** @return a short lower-case name, e.g. {@code "local"} */
    public String label() {
        return label;
    }

    /**
     * @param kinds some backends
     * @return their labels, comma separated, in declaration order
     */
    public static String labels(Collection<BackendKind> kinds) {
        return kinds.stream().sorted().map(BackendKind::label).collect(Collectors.joining(", "));
    }
}
