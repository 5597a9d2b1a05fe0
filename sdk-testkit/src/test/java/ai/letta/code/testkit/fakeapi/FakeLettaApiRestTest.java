package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.script.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The REST resources of cloud.md §2 and offline-peers.md §5.2, answered from in-memory state. */
class FakeLettaApiRestTest {

    private static final String CREATE_AGENT = """
            {"name":"patch","description":"a test agent","system":"You are Patch.","tags":["origin:test"],\
            "model":"anthropic/fake-claude","agent_type":"letta_v1_agent",\
            "memory_blocks":[{"label":"persona","value":"I am Patch."},{"label":"human","value":"Likes Java."}]}""";

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
    void createdAgentEchoesItsFieldsAndMemoryBlocks() {
        JsonNode agent = json(http.post("/v1/agents", CREATE_AGENT));

        assertThat(agent.path("id").asString()).startsWith("agent-");
        assertThat(agent.path("name").asString()).isEqualTo("patch");
        assertThat(agent.path("description").asString()).isEqualTo("a test agent");
        assertThat(agent.path("system").asString()).isEqualTo("You are Patch.");
        assertThat(agent.path("tags").path(0).asString()).isEqualTo("origin:test");
        assertThat(agent.path("llm_config").path("handle").asString()).isEqualTo("anthropic/fake-claude");
        assertThat(agent.path("llm_config").path("model_endpoint_type").asString()).isEqualTo("anthropic");
        assertThat(agent.path("memory").path("blocks").valueStream().map(b -> b.path("value").asString()))
                .containsExactly("I am Patch.", "Likes Java.");
        assertThat(json(http.get("/v1/agents/" + agent.path("id").asString()))).isEqualTo(agent);
    }

    @Test
    void agentsCanBeListedFilteredPagedUpdatedAndDeleted() {
        String first = json(http.post("/v1/agents/", CREATE_AGENT)).path("id").asString();
        String second = json(http.post("/v1/agents/", "{\"name\":\"other\"}")).path("id").asString();

        assertThat(json(http.get("/v1/agents/?limit=1")).valueStream().map(a -> a.path("id").asString()))
                .containsExactly(first);
        assertThat(json(http.get("/v1/agents/?after=" + first)).valueStream().map(a -> a.path("id").asString()))
                .containsExactly(second);
        assertThat(json(http.get("/v1/agents/?name=other")).size()).isEqualTo(1);
        assertThat(json(http.get("/v1/agents/?tags=origin:test")).size()).isEqualTo(1);

        JsonNode patched = json(http.patch("/v1/agents/" + second, "{\"model\":\"openai/gpt-x\",\"tags\":[\"t\"]}"));
        assertThat(patched.path("llm_config").path("model").asString()).isEqualTo("gpt-x");
        assertThat(patched.path("model_settings").path("provider_type").asString()).isEqualTo("openai");
        assertThat(patched.path("tags").path(0).asString()).isEqualTo("t");

        assertThat(http.delete("/v1/agents/" + second).statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/agents/" + second).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/v1/agents/" + second)).path("detail").asString()).contains("not found");
    }

    @Test
    void coreMemoryBlocksAreReadAndUpdatedByLabel() {
        String agent = json(http.post("/v1/agents", CREATE_AGENT)).path("id").asString();

        JsonNode updated = json(http.patch("/v1/agents/" + agent + "/core-memory/blocks/human",
                "{\"value\":\"Likes Kotlin too.\"}"));

        assertThat(updated.path("value").asString()).isEqualTo("Likes Kotlin too.");
        assertThat(json(http.get("/v1/agents/" + agent + "/core-memory/blocks/human")).path("value").asString())
                .isEqualTo("Likes Kotlin too.");
        assertThat(json(http.get("/v1/agents/" + agent)).path("blocks").path(1).path("value").asString())
                .isEqualTo("Likes Kotlin too.");
        assertThat(json(http.get("/v1/agents/" + agent + "/core-memory/blocks")).size()).isEqualTo(2);
        assertThat(http.get("/v1/agents/" + agent + "/core-memory/blocks/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void sharedBlocksAttachAndDetach() {
        String agent = json(http.post("/v1/agents", "{}")).path("id").asString();
        String block = json(http.post("/v1/blocks", "{\"label\":\"team\",\"value\":\"shared\"}")).path("id")
                .asString();

        http.patch("/v1/agents/" + agent + "/core-memory/blocks/attach/" + block, "{}");
        assertThat(json(http.get("/v1/agents/" + agent)).path("blocks").size()).isEqualTo(1);
        http.patch("/v1/agents/" + agent + "/core-memory/blocks/detach/" + block, "{}");
        assertThat(json(http.get("/v1/agents/" + agent)).path("blocks").size()).isZero();
        assertThat(json(http.get("/v1/blocks?label=team")).size()).isEqualTo(1);
        assertThat(http.delete("/v1/blocks/" + block).statusCode()).isEqualTo(200);
    }

    @Test
    void conversationsAreCreatedForAnAgentListedUpdatedForkedAndDeleted() {
        String agent = json(http.post("/v1/agents", "{}")).path("id").asString();

        JsonNode conversation = json(http.post("/v1/conversations/?agent_id=" + agent, "{}"));
        String id = conversation.path("id").asString();

        assertThat(id).startsWith("conv-");
        assertThat(conversation.path("agent_id").asString()).isEqualTo(agent);
        assertThat(conversation.path("in_context_message_ids").isArray()).isTrue();
        assertThat(http.post("/v1/conversations/?agent_id=agent-missing", "{}").statusCode()).isEqualTo(404);
        assertThat(json(http.get("/v1/conversations/?agent_id=" + agent)).size()).isEqualTo(1);
        assertThat(json(http.patch("/v1/conversations/" + id, "{\"summary\":\"s\"}")).path("summary").asString())
                .isEqualTo("s");
        JsonNode fork = json(http.post("/v1/conversations/" + id + "/fork", ""));
        assertThat(fork.path("id").asString()).isNotEqualTo(id);
        assertThat(json(http.get("/v1/conversations/" + id + "/messages")).isArray()).isTrue();
        assertThat(http.delete("/v1/conversations/" + id).statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/conversations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void modelsHealthAndBaseToolsAnswerWhatTheCliExpects() {
        assertThat(json(http.get("/v1/models/"))).singleElement().satisfies(model -> {
            assertThat(model.path("handle").asString()).isEqualTo(FakeLettaApi.DEFAULT_MODEL);
            assertThat(model.path("provider_type").asString()).isEqualTo("anthropic");
            assertThat(model.path("context_window").asInt()).isEqualTo(128000);
        });
        assertThat(json(http.get("/v1/health")).path("status").asString()).isEqualTo("ok");
        assertThat(json(http.post("/v1/tools/add-base-tools", "")).isEmpty()).isTrue();
    }

    @Test
    void builderModelsReplaceTheDefaultAndTheFirstIsUsedForNewAgents() {
        try (FakeLettaApi custom = FakeLettaApi.builder().model("openai/fake-gpt", 64000).model("anthropic/x")
                .start()) {
            TestHttp client = new TestHttp(custom.baseUrl().toString());
            assertThat(json(client.get("/v1/models")).valueStream().map(m -> m.path("handle").asString()))
                    .containsExactly("openai/fake-gpt", "anthropic/x");
            assertThat(json(client.post("/v1/agents", "{}")).path("llm_config").path("context_window").asInt())
                    .isEqualTo(64000);
        }
    }

    @Test
    void unknownGetsBelowAnAgentAnswerAnEmptyListAndOtherPathsAnswer404() {
        String agent = json(http.post("/v1/agents", "{}")).path("id").asString();

        assertThat(json(http.get("/v1/agents/" + agent + "/mcp-servers")).isEmpty()).isTrue();
        assertThat(json(http.get("/v1/agents/" + agent + "/secrets")).isArray()).isTrue();
        assertThat(http.get("/v1/nothing/here").statusCode()).isEqualTo(404);
        assertThat(json(http.get("/v1/nothing/here")).path("detail").asString()).contains("/v1/nothing/here");
    }

    @Test
    void archivesAndArchivalMemoryHoldSearchablePassages() {
        String agent = json(http.post("/v1/agents", "{}")).path("id").asString();
        String archive = json(http.post("/v1/archives", "{\"name\":\"notes\"}")).path("id").asString();

        http.post("/v1/archives/" + archive + "/passages", "{\"text\":\"The build uses Maven.\"}");
        http.post("/v1/agents/" + agent + "/archival-memory", "{\"text\":\"Patch prefers records.\"}");
        http.post("/v1/agents/" + agent + "/archival-memory", "{\"text\":\"Unrelated.\"}");

        JsonNode inArchive = json(http.post("/v1/passages/search", "{\"archive_id\":\"" + archive + "\"}"));
        assertThat(inArchive.path(0).path("passage").path("text").asString()).isEqualTo("The build uses Maven.");
        assertThat(inArchive.size()).isEqualTo(1);
        JsonNode search = json(http.get("/v1/agents/" + agent + "/archival-memory/search?query=records"));
        assertThat(search.path("count").asInt()).isEqualTo(1);
        assertThat(search.path("results").path(0).path("content").asString()).isEqualTo("Patch prefers records.");
        assertThat(json(http.get("/v1/agents/" + agent + "/archival-memory")).size()).isEqualTo(2);
        // The agent's memory went into an archive created for it and attached to it.
        assertThat(json(http.get("/v1/archives/?agent_id=" + agent)).size()).isEqualTo(1);
        assertThat(http.delete("/v1/archives/" + archive).statusCode()).isEqualTo(204);
        assertThat(http.get("/v1/archives/" + archive).statusCode()).isEqualTo(404);
    }

    @Test
    void aMissingRequiredFieldAnswers422NamingItsLocation() {
        var answer = http.post("/v1/archives", "{}");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).path("detail").path(0).path("loc").toString()).isEqualTo("[\"body\",\"name\"]");
    }

    @Test
    void everyRequestIsRecordedInOrderWithMethodPathQueryHeadersAndBody() {
        http.get("/v1/agents/?limit=1");
        http.post("/v1/agents", "{\"name\":\"x\"}");

        RecordedRequest list = api.takeRequest(Duration.ofSeconds(1));
        RecordedRequest create = api.takeRequest(Duration.ofSeconds(1));

        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.path()).isEqualTo("/v1/agents/");
        assertThat(list.queryParameter("limit")).hasValue("1");
        assertThat(create.json().path("name").asString()).isEqualTo("x");
        assertThat(create.header("content-type")).hasValue("application/json");
        assertThat(create.toString()).doesNotContain("test-key");
        assertThat(api.requestCount()).isEqualTo(2);
        assertThat(api.pollRequest(Duration.ofMillis(50))).isEmpty();
    }
}
