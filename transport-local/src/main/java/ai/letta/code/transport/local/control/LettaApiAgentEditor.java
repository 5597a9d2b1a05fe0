package ai.letta.code.transport.local.control;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.exception.AuthenticationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.spi.Redaction;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finishes an agent the CLI created in API mode, on the Letta server that holds it: what CLI 0.32.18 has no flag
 * for (persona, human and custom memory blocks; name and description) is written with the Letta REST API the CLI
 * itself talks to ({@code PATCH /v1/agents/{id}}, {@code PATCH /v1/agents/{id}/core-memory/blocks/{label}}, and for
 * a label the agent lacks {@code POST /v1/blocks} plus {@code .../blocks/attach/{block_id}}). On a Letta server
 * the compiled system prompt is built from these blocks, so the model sees them from the first turn.
 *
 * <p>Uses the base URL and key of {@link CliBackend.LettaApi}, never the environment's, over {@link LettaApiHttp}.
 * Blocking; thread-safe; close it when done.
 */
final class LettaApiAgentEditor implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String apiKey;
    private final LettaApiHttp http;

    /**
     * @param api the server and key the CLI uses
     * @param timeout the bound of each request
     */
    LettaApiAgentEditor(CliBackend.LettaApi api, Duration timeout) {
        String base = api.baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.apiKey = api.apiKey().reveal();
        this.http = new LettaApiHttp(baseUrl, timeout);
    }

    /**
     * @param agentId the agent the CLI just created
     * @param name its name, or null to keep the CLI's
     * @param description its description, or null to keep the CLI's
     */
    void rename(String agentId, String name, String description) {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (name != null) {
            patch.put("name", name);
        }
        if (description != null) {
            patch.put("description", description);
        }
        if (!patch.isEmpty()) {
            call("PATCH", "v1/agents/" + segment(agentId), patch, true);
        }
    }

    /**
     * Sets each block's value (and description), creating and attaching the ones the agent does not have.
     *
     * @param agentId the agent
     * @param blocks its blocks, persona and human included
     */
    void writeBlocks(String agentId, List<MemoryBlock> blocks) {
        for (MemoryBlock block : blocks) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("value", block.value());
            block.description().ifPresent(d -> fields.put("description", d));
            block.limit().ifPresent(limit -> fields.put("limit", limit));
            if (block.readOnly()) {
                fields.put("read_only", true);
            }
            if (call("PATCH", "v1/agents/" + segment(agentId) + "/core-memory/blocks/" + segment(block.label()), fields,
                    false) != null) {
                continue;
            }
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("label", block.label());
            create.putAll(fields);
            JsonNode created = call("POST", "v1/blocks", create, true);
            String blockId = NdjsonCodec.text(created, "id");
            if (blockId == null) {
                throw new TransportException("the Letta API created block '" + block.label() + "' but returned no"
                        + " id: " + abbreviate(created.toString()));
            }
            call("PATCH", "v1/agents/" + segment(agentId) + "/core-memory/blocks/attach/" + segment(blockId), Map.of(),
                    true);
        }
    }

    /** @return the answer, or null for a 404 when {@code required} is false */
    private JsonNode call(String method, String path, Map<String, Object> body, boolean required) {
        LettaApiHttp.Response response = http.send(method, path, apiKey, JSON.writeValueAsString(body));
        int status = response.status();
        if (status == 404 && !required) {
            return null;
        }
        String where = method + " " + path + " at " + Redaction.url(baseUrl);
        String said = Redaction.head(Redaction.text(response.body(), List.of(apiKey)), Redaction.MAX_MESSAGE);
        switch (status / 100 == 2 ? 200 : status) {
            case 200 -> { }
            case 401, 403 -> throw new AuthenticationException("the Letta API refused the API key (HTTP " + status
                    + " on " + where + "); check CliBackend.lettaApi's key");
            case 404 -> throw new NotFoundException("the Letta API has no such resource (HTTP 404 on " + where + "): "
                    + said);
            case 409 -> throw new ConflictException("the Letta API refused " + where + " as a conflict (HTTP 409): "
                    + said);
            case 429 -> {
                Duration wait = response.retryAfter();
                throw new RateLimitException("the Letta API rate-limited " + where + " (HTTP 429)"
                        + (wait == null ? "" : "; it asked to wait " + wait.toSeconds() + " s") + "; try again later: "
                        + said, wait);
            }
            default -> throw new TransportException("the Letta API answered HTTP " + status + " to " + where + ": "
                    + said, null, null, null);
        }
        String text = response.body();
        return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** Stops the HTTP client's thread. */
    @Override
    public void close() {
        http.close();
    }

    /**
     * One path segment, percent-encoded: an id or label never adds a segment, a query or a fragment ({@code /}
     * becomes {@code %2F}, so a nested label such as {@code skills/java} stays one segment).
     */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String abbreviate(String text) {
        return Redaction.head(Redaction.text(text, List.of(apiKey)), Redaction.MAX_MESSAGE);
    }
}
