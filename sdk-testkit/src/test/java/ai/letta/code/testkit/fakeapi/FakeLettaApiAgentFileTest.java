package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.script.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.script.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agent files and the context overview, driven by hand-written requests (a multipart body not made by the SDK's
 * encoder), so the fake's decoding stands on its own.
 */
class FakeLettaApiAgentFileTest {

    private static final String BOUNDARY = "----conformance7MA4YWxkTrZu0gW";

    private FakeLettaApi api;
    private TestHttp http;

    @BeforeEach
    void start() {
        api = FakeLettaApi.start();
        http = new TestHttp(api.baseUrl().toString());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anExportIsAStringHoldingTheAgentFileWhichAnImportTurnsIntoANewAgent() throws Exception {
        String agent = json(http.post("/v1/agents", """
                {"name":"patch","system":"You are Patch.","metadata":{"team":"core"},\
                "memory_blocks":[{"label":"persona","value":"I am Patch."},{"label":"notes","value":"none"}]}"""))
                .path("id").asString();

        JsonNode answer = json(http.get("/v1/agents/" + agent + "/export"));

        assertThat(answer.isString()).as("the document's shape: type string").isTrue();
        JsonNode file = TestHttp.parse(answer.stringValue());
        assertThat(file.propertyNames()).contains("agents", "groups", "blocks", "files", "sources", "tools",
                "mcp_servers");
        JsonNode entry = file.path("agents").get(0);
        assertThat(entry.path("block_ids").valueStream().map(JsonNode::asString)).containsExactly("block-0",
                "block-1");
        assertThat(file.path("blocks").valueStream().map(b -> b.path("value").asString()))
                .containsExactly("I am Patch.", "none");

        HttpResponse<String> imported = upload(multipart(answer.stringValue(), "name", "patch-copy"));

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String copy = json(imported).path("agent_ids").get(0).asString();
        assertThat(copy).startsWith("agent-").isNotEqualTo(agent);
        JsonNode copied = json(http.get("/v1/agents/" + copy));
        assertThat(copied.path("name").asString()).isEqualTo("patch-copy");
        assertThat(copied.path("metadata").path("team").asString()).isEqualTo("core");
        assertThat(copied.path("blocks").valueStream().map(b -> b.path("label").asString()))
                .containsExactly("persona", "notes");
    }

    @Test
    void anImportWithoutAFileOrWithALegacyOneIsRefusedAsTheServerRefusesIt() throws Exception {
        HttpResponse<String> missing = upload("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\""
                + "\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).path("detail").get(0).path("loc").toString()).isEqualTo("[\"body\",\"file\"]");

        HttpResponse<String> legacy = upload(multipart("{\"name\": \"old\"}", "name", "x"));
        assertThat(legacy.statusCode()).isEqualTo(400);
        assertThat(json(legacy).path("detail").asString()).contains("AgentFileSchema");

        assertThat(upload(multipart("not json", "name", "x")).statusCode()).isEqualTo(400);
    }

    @Test
    void theContextOverviewCountsTheAgentsRealState() {
        String agent = json(http.post("/v1/agents", """
                {"system":"You are Patch.","context_window_limit":9000,\
                "memory_blocks":[{"label":"persona","value":"I am Patch, and I review code."}]}"""))
                .path("id").asString();

        JsonNode overview = json(http.get("/v1/agents/" + agent + "/context"));

        assertThat(overview.path("context_window_size_max").asInt()).isEqualTo(9000);
        assertThat(overview.path("core_memory").asString()).contains("I review code.");
        assertThat(overview.path("num_tokens_core_memory").asInt()).isPositive();
        assertThat(overview.path("context_window_size_current").asInt())
                .isGreaterThanOrEqualTo(overview.path("num_tokens_core_memory").asInt()
                        + overview.path("num_tokens_system").asInt());
        assertThat(http.get("/v1/agents/agent-00000000-0000-4000-8000-000000000000/context").statusCode())
                .isEqualTo(404);
    }

    private static String multipart(String file, String field, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.af\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + file + "\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n--" + BOUNDARY
                + "--\r\n";
    }

    private HttpResponse<String> upload(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/agents/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
