package ai.letta.code.api.backend;

import java.net.URI;

/**
 * Which peer a client talks to, with its options. Pass one to {@code LettaCode.create(Backend)}; the matching
 * transport module ({@code letta-code-transport-local}, {@code -remote} or {@code -cloud}) must be on the classpath.
 * The factories here are the short forms; options built in full are backends themselves.
 *
 * <pre>{@code
 * Backend.local()                                        // the Letta Code CLI found on this machine
 * Backend.remote(URI.create("http://127.0.0.1:4500"), token)
 * Backend.cloud(System.getenv("LETTA_API_KEY"))
 * LocalOptions.builder().cliPath(Path.of("/opt/letta/letta.js")).build()   // a backend too
 * }</pre>
 */
public sealed interface Backend permits LocalOptions, RemoteOptions, CloudOptions {

    /** @return which backend these options configure */
    BackendKind kind();

    /** @return the local backend with default {@link LocalOptions} */
    static LocalOptions local() {
        return LocalOptions.builder().build();
    }

    /**
     * @param url the app server's URL ({@code http(s)://} or {@code ws(s)://})
     * @param authToken the bearer token, or {@code null} for a server without auth
     * @return the remote backend
     */
    static RemoteOptions remote(URI url, String authToken) {
        RemoteOptions.Builder builder = RemoteOptions.builder().url(url);
        return (authToken == null ? builder : builder.authToken(authToken)).build();
    }

    /**
     * @param apiKey the Letta API key
     * @return the cloud backend with default options
     */
    static CloudOptions cloud(String apiKey) {
        return CloudOptions.builder(apiKey).build();
    }
}
