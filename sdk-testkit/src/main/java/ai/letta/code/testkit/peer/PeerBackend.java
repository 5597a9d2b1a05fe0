package ai.letta.code.testkit.peer;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which backend a real peer talks to, offline. Each choice contributes CLI flags (stdio only), environment
 * variables and, for {@code openai-compatible}, a provider record in the fresh {@code HOME}
 * (offline-peers.md §4–6). Immutable; {@link #toString()} never shows keys.
 */
public final class PeerBackend {

    private final String description;
    private final boolean local;
    private final boolean stdioOnly;
    private final List<String> stdioArgs;
    private final Map<String, String> env;
    private final URI openAiCompatibleBaseUrl;
    private final String providerKey;

    private PeerBackend(String description, boolean local, boolean stdioOnly, List<String> stdioArgs,
            Map<String, String> env, URI openAiCompatibleBaseUrl, String providerKey) {
        this.description = description;
        this.local = local;
        this.stdioOnly = stdioOnly;
        this.stdioArgs = List.copyOf(stdioArgs);
        this.env = Map.copyOf(env);
        this.openAiCompatibleBaseUrl = openAiCompatibleBaseUrl;
        this.providerKey = providerKey;
    }

    /**
     * The local backend with the built-in deterministic executor: every turn answers "pong"; no network.
     *
     * @return the backend
     */
    public static PeerBackend deterministic() {
        return new PeerBackend("local backend, deterministic executor", true, false, List.of(),
                Map.of("LETTA_LOCAL_BACKEND_EXECUTOR", "deterministic"), null, null);
    }

    /**
     * The undocumented {@code --dev-backend fake-headless} (stdio only): canned "pong", no HTTP at all.
     *
     * @return the backend
     */
    public static PeerBackend fakeHeadless() {
        return new PeerBackend("local backend, --dev-backend fake-headless", true, true,
                List.of("--dev-backend", "fake-headless"), Map.of(), null, null);
    }

    /**
     * The local backend's real provider executor with {@code lmstudio/*} models pointed at a fake
     * OpenAI-compatible endpoint through {@code LMSTUDIO_BASE_URL} (offline-peers.md §4.3).
     *
     * @param baseUrl the fake endpoint's base URL
     * @return the backend
     */
    public static PeerBackend lmStudio(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new PeerBackend("local backend, LMSTUDIO_BASE_URL=" + baseUrl, true, false, List.of(),
                Map.of("LMSTUDIO_BASE_URL", baseUrl.toString()), null, null);
    }

    /**
     * The local backend's real provider executor with {@code openai-compatible/*} models pointed at a fake
     * endpoint through a provider record written into the fresh {@code HOME} (offline-peers.md §4.2). Pick the
     * model with {@code -m openai-compatible/<id>} (stdio) or in {@code runtime_start} (App Server, not verified).
     *
     * @param baseUrl the fake endpoint's base URL
     * @return the backend
     */
    public static PeerBackend openAiCompatible(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new PeerBackend("local backend, openai-compatible provider at " + baseUrl, true, false, List.of(),
                Map.of(), baseUrl, "x");
    }

    /**
     * API mode against a (fake) Letta REST server. For stdio it also passes {@code --no-memfs} and
     * {@code --reflection-trigger off}, because memfs and reflection call endpoints a fake does not serve
     * (local-stdio.md §5.4).
     *
     * @param baseUrl the server's base URL
     * @param apiKey the API key the CLI sends
     * @return the backend
     */
    public static PeerBackend api(URI baseUrl, String apiKey) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey must be non-empty; the CLI rejects a missing LETTA_API_KEY");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LETTA_BASE_URL", baseUrl.toString());
        env.put("LETTA_API_KEY", apiKey);
        return new PeerBackend("API mode, LETTA_BASE_URL=" + baseUrl, false, false,
                List.of("--no-memfs", "--reflection-trigger", "off"), env, null, null);
    }

    /** Flags for a stdio spawn: {@code --backend local} plus the backend's own flags. */
    List<String> stdioArgs() {
        if (!local) {
            return stdioArgs;
        }
        return Stream.concat(Stream.of("--backend", "local"), stdioArgs.stream())
                .toList();
    }

    /** Environment for a spawn; the App Server selects the local backend only through the environment. */
    Map<String, String> env(boolean appServer) {
        Map<String, String> all = new LinkedHashMap<>(env);
        if (local && appServer) {
            all.put("LETTA_LOCAL_BACKEND_EXPERIMENTAL", "1");
        }
        return all;
    }

    /** Whether the App Server can run on this backend. */
    boolean supportsAppServer() {
        return !stdioOnly;
    }

    /** Writes what the backend needs into the fresh {@code HOME} before the peer starts. */
    void prepareHome(Path home) {
        if (openAiCompatibleBaseUrl != null) {
            LocalProviderRecord.writeOpenAiCompatible(home, openAiCompatibleBaseUrl, providerKey);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
