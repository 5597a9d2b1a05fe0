package ai.letta.code.api.backend;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.net.URI;

/**
 * Where the local Letta Code CLI keeps its agents and runs its model calls. Always passed to the CLI explicitly,
 * never only inherited from the environment.
 */
public sealed interface CliBackend {

    /** @return whatever the CLI picks by itself (its settings, then API mode with {@code LETTA_API_KEY}) */
    static CliBackend cliDefault() {
        return CliDefault.INSTANCE;
    }

    /** @return the CLI's own local backend ({@code --backend local}): agents on disk, models from local providers */
    static CliBackend localModels() {
        return LocalModels.INSTANCE;
    }

    /**
     * @param baseUrl the Letta API base URL, e.g. {@code https://api.letta.com}
     * @param apiKey the Letta API key
     * @return API mode: agents and runs live on a Letta server
     */
    static CliBackend lettaApi(URI baseUrl, String apiKey) {
        return new LettaApi(baseUrl, Secret.of(apiKey, "CliBackend.lettaApi apiKey"));
    }

    /** The CLI's own choice. */
    enum CliDefault implements CliBackend {
        /** The only instance. */
        INSTANCE
    }

    /** The CLI's local backend. */
    enum LocalModels implements CliBackend {
        /** The only instance. */
        INSTANCE
    }

    /**
     * API mode against a Letta server.
     *
     * @param baseUrl the server's base URL
     * @param apiKey the API key (redacted in {@code toString()})
     */
    record LettaApi(URI baseUrl, Secret apiKey) implements CliBackend {
        /**
         * Validates both fields.
         *
         * @param baseUrl the server's base URL
         * @param apiKey the API key (redacted in {@code toString()})
         */
        public LettaApi {
            Checks.requireNonNull(baseUrl, "CliBackend.lettaApi baseUrl");
            Checks.requireNonNull(apiKey, "CliBackend.lettaApi apiKey");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new ConfigurationException(
                        "CliBackend.lettaApi baseUrl must be an http(s) URL (got \"" + SafeUrl.of(baseUrl) + "\")");
            }
        }

        /** Shows the URL without user info or query, and no key. */
        @Override
        public String toString() {
            return "LettaApi[baseUrl=" + SafeUrl.of(baseUrl) + ", apiKey=" + apiKey + "]";
        }
    }
}
