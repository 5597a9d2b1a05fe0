package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.Models;
import ai.letta.code.internal.Checks;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.List;

/**
 * The models the Letta API offers ({@code GET /v1/models/}) and its embedding models
 * ({@code GET /v1/models/embedding}), in its order. Letta Cloud's curated catalog
 * ({@code /v1/models/catalog}) is not public API and is not read. Thread-safe.
 */
public final class RestModels implements Models {

    private final LettaHttp http;

    /** @param http the client to send with */
    public RestModels(LettaHttp http) {
        this.http = Checks.requireNonNull(http, "http");
    }

    @Override
    public ModelCatalog list() {
        Wire.Model[] models = http.call(ApiRequest.get("v1", "models").trailingSlash().build(), Wire.Model[].class);
        return new ModelCatalog(RestPages.items(models).stream().filter(m -> m.handle() != null)
                .map(WireMapping::model).toList(), null);
    }

    @Override
    public List<EmbeddingModel> embeddingModels() {
        Wire.EmbeddingModel[] models = http.call(ApiRequest.get("v1", "models", "embedding").build(),
                Wire.EmbeddingModel[].class);
        return RestPages.items(models).stream().map(m -> new EmbeddingModel(m.handle(), m.name(), m.displayName(),
                m.providerType(), m.providerName(), m.dimensions() == null ? 0 : m.dimensions(), m.extras())).toList();
    }
}
