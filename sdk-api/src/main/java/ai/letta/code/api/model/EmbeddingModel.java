package ai.letta.code.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedding model the backend offers ({@code EmbeddingModel} of {@code GET /v1/models/embedding}); the
 * fields this record does not name (endpoint, chunk and batch sizes, Azure settings) stay in {@code extras}.
 *
 * @param handle the handle to pass as an agent's or archive's embedding, e.g. {@code openai/text-embedding-3-small};
 *        may be null on servers that leave it out
 * @param name the model name at its provider
 * @param displayName the name to show
 * @param providerType the provider type, e.g. {@code openai}
 * @param providerName the provider's name on the server
 * @param dimensions the embedding's dimensions ({@code embedding_dim}), 0 when not given
 * @param extras the other fields of the wire record (copied)
 */
public record EmbeddingModel(String handle, String name, String displayName, String providerType,
        String providerName, int dimensions, Map<String, Object> extras) {

    /**
     * Copies {@code extras} (its values may be null, as JSON's may).
     *
     * @param handle the handle to pass as an agent's or archive's embedding, e.g.
     *     {@code openai/text-embedding-3-small}; may be null on servers that leave it out
     * @param name the model name at its provider
     * @param displayName the name to show
     * @param providerType the provider type, e.g. {@code openai}
     * @param providerName the provider's name on the server
     * @param dimensions the embedding's dimensions ({@code embedding_dim}), 0 when not given
     * @param extras the other fields of the wire record (copied)
     */
    public EmbeddingModel {
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
