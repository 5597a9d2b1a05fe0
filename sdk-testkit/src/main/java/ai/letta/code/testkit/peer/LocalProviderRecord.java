package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the local backend's provider record, {@code ~/.letta/lc-local-backend/providers/auth.json}. The
 * {@code openai-compatible} provider has no base-URL environment variable, so this file is the only way to point
 * {@code openai-compatible/*} models at a fake chat-completions endpoint (offline-peers.md §4.2). It is what
 * {@code letta backend local} plus {@code letta connect openai-compatible --base-url … --api-key …} write, minus
 * the timestamps.
 */
public final class LocalProviderRecord {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalProviderRecord() {
    }

    /**
     * Where the record lives under a given {@code HOME}.
     *
     * @param home the {@code HOME} folder
     * @return the record's path
     */
    public static Path path(Path home) {
        return home.resolve(".letta").resolve("lc-local-backend").resolve("providers").resolve("auth.json");
    }

    /**
     * Writes an {@code openai-compatible} provider record into {@code home}, replacing any existing record.
     *
     * @param home the peer's {@code HOME}
     * @param baseUrl the fake endpoint's base, ending in {@code /v1}, e.g. {@code http://127.0.0.1:PORT/v1}
     * @param apiKey any non-empty value; the fake need not check it
     * @return the file written
     */
    public static Path writeOpenAiCompatible(Path home, URI baseUrl, String apiKey) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey must be non-empty; the CLI treats an empty key as absent");
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("id", "local-provider-openai-compatible");
        provider.put("name", "openai-compatible");
        provider.put("provider_type", "openai-compatible");
        provider.put("provider_category", "byok");
        provider.put("auth", Map.of("type", "api", "key", apiKey));
        provider.put("base_url", baseUrl.toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", 1);
        record.put("providers", Map.of("openai-compatible", provider));
        Path file = path(home);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(record), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the provider record " + file, e);
        }
        return file;
    }
}
