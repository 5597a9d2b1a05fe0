package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.script.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.script.TestHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fake's tools and blocks against the OpenAPI document ({@code ../shared/spec/letta-openapi.json}): each answer
 * carries the schema's required fields, no field a closed schema ({@code additionalProperties: false}) lacks, and
 * values of the declared JSON types. Skipped, saying so, when the document is absent (a clone without
 * {@code shared/} beside it).
 */
class ToolBlockSchemaTest {

    private static final String SOURCE = "def roll_dice() -> int:\\n    return 4\\n";

    private JsonNode schemas;
    private FakeLettaApi api;
    private TestHttp http;

    @BeforeEach
    void start() throws IOException {
        Path spec = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && spec == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/spec/letta-openapi.json");
            spec = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(spec != null, "shared/spec/letta-openapi.json is absent beside this clone: the"
                + " OpenAPI check of the fake's tools and blocks is skipped");
        schemas = TestHttp.parse(Files.readString(spec)).path("components").path("schemas");
        api = FakeLettaApi.start();
        http = new TestHttp(api.baseUrl().toString());
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void toolsAndSearchResultsFollowTheirSchemas() {
        JsonNode tool = json(http.post("/v1/tools/", "{\"source_code\":\"" + SOURCE + "\",\"tags\":[\"games\"],"
                + "\"description\":\"Roll\",\"return_char_limit\":10}"));
        String agent = json(http.post("/v1/agents", "{\"name\":\"a\"}")).path("id").asString();
        http.patch("/v1/agents/" + agent + "/tools/attach/" + tool.path("id").asString(), "");
        JsonNode updated = json(http.patch("/v1/tools/" + tool.path("id").asString(),
                "{\"metadata_\":{\"k\":1},\"description\":\"Roll more\"}"));

        assertThat(problems("Tool", tool)).isEmpty();
        assertThat(problems("Tool", updated)).isEmpty();
        assertThat(tool.path("id").asString()).matches("^tool-[a-fA-F0-9]{8}.*");
        JsonNode hits = json(http.post("/v1/tools/search", "{\"query\":\"roll\"}"));
        assertThat(hits).isNotEmpty();
        hits.forEach(hit -> assertThat(problems("ToolSearchResult", hit)).isEmpty());
        json(http.get("/v1/agents/" + agent + "/tools")).forEach(t -> assertThat(problems("Tool", t)).isEmpty());
        assertThat(json(http.get("/v1/tools/count")).isIntegralNumber()).isTrue();
    }

    @Test
    void blocksFollowTheirSchema() {
        JsonNode block = json(http.post("/v1/blocks/", "{\"label\":\"team\",\"value\":\"v\",\"limit\":200,"
                + "\"tags\":[\"x\"],\"metadata\":{\"k\":1}}"));
        JsonNode updated = json(http.patch("/v1/blocks/" + block.path("id").asString(), "{\"value\":\"w\"}"));

        assertThat(problems("BlockResponse", block)).isEmpty();
        assertThat(problems("BlockResponse", updated)).isEmpty();
        json(http.get("/v1/blocks/?label=team")).forEach(b -> assertThat(problems("BlockResponse", b)).isEmpty());
        assertThat(json(http.get("/v1/blocks/count")).isIntegralNumber()).isTrue();
    }

    /** What in {@code value} breaks the named schema, shallowly (nested objects are checked by type only). */
    private List<String> problems(String schemaName, JsonNode value) {
        JsonNode schema = schemas.path(schemaName);
        assertThat(schema.isObject()).as("schema %s in the document", schemaName).isTrue();
        List<String> problems = new ArrayList<>();
        schema.path("required").forEach(r -> {
            if (!value.has(r.asString())) {
                problems.add(schemaName + "." + r.asString() + " is required but absent");
            }
        });
        JsonNode properties = schema.path("properties");
        for (String field : value.propertyNames()) {
            JsonNode property = properties.path(field);
            if (property.isMissingNode()) {
                if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").booleanValue()) {
                    problems.add(schemaName + "." + field + " is not in the schema (additionalProperties: false)");
                }
                continue;
            }
            List<String> types = types(property);
            String actual = type(value.get(field));
            if (!types.isEmpty() && !types.contains(actual) && !(actual.equals("integer") && types.contains("number"))) {
                problems.add(schemaName + "." + field + " is " + actual + ", the schema says " + types);
            }
        }
        return problems;
    }

    private List<String> types(JsonNode property) {
        List<String> types = new ArrayList<>();
        if (property.has("type")) {
            types.add(property.get("type").asString());
        } else if (property.has("$ref")) {
            String name = property.get("$ref").asString().replace("#/components/schemas/", "");
            JsonNode target = schemas.path(name);
            types.add(target.has("enum") || "string".equals(target.path("type").asString()) ? "string" : "object");
        }
        property.path("anyOf").forEach(option -> types.addAll(types(option)));
        return types;
    }

    private static String type(JsonNode node) {
        if (node.isNull()) {
            return "null";
        } else if (node.isIntegralNumber()) {
            return "integer";
        } else if (node.isNumber()) {
            return "number";
        } else if (node.isBoolean()) {
            return "boolean";
        } else if (node.isString()) {
            return "string";
        } else if (node.isArray()) {
            return "array";
        }
        return "object";
    }
}
