package ai.letta.code.api.backend;

import java.util.Collection;
import java.util.stream.Collectors;

/** The three backends, each shipped as its own Maven artifact. */
public enum BackendKind {
    /** The Letta Code CLI as a local Node subprocess over stdio. */
    LOCAL("local", "letta-code-transport-local"),
    /** A Letta Code app server over a websocket. */
    REMOTE("remote", "letta-code-transport-remote"),
    /** Letta Cloud over HTTPS. */
    CLOUD("cloud", "letta-code-transport-cloud");

    /** The Maven groupId every artifact of this SDK shares. */
    public static final String GROUP_ID = "ai.letta.code";

    private final String label;
    private final String artifactId;

    BackendKind(String label, String artifactId) {
        this.label = label;
        this.artifactId = artifactId;
    }

    /** @return a short lower-case name, e.g. {@code "local"} */
    public String label() {
        return label;
    }

    /** @return the Maven artifactId that implements this backend */
    public String artifactId() {
        return artifactId;
    }

    /** @return {@code groupId:artifactId} of the module that implements this backend */
    public String coordinates() {
        return GROUP_ID + ":" + artifactId;
    }

    /**
     * @param kinds some backends
     * @return their labels, comma separated, in declaration order
     */
    public static String labels(Collection<BackendKind> kinds) {
        return kinds.stream().sorted().map(BackendKind::label).collect(Collectors.joining(", "));
    }
}
