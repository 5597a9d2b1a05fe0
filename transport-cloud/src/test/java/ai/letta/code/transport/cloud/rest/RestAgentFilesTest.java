package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.ContextWindow;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.InvalidRequestException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.ScriptedApiServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Letta-API-only create fields, export, import and the context window, against {@link FakeLettaApi}. */
class RestAgentFilesTest {

    private static final String ROLL = "def roll_dice() -> int:\n    \"\"\"Roll a six-sided die.\"\"\"\n    return 4\n";

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestAgents agents;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        agents = new RestAgents(http, new ControlPlane(http));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void theNewFieldsGoInTheCreateBodyAndComeBackOnTheAgent() {
        MemoryBlock shared = new RestBlocks(http).create(BlockCreate.builder("team", "we ship on fridays").build());
        ToolInfo tool = new RestTools(http).create(ToolCreate.builder(ROLL).build());

        String id = agents.create(AgentOptions.builder().persona("You are terse.").blockId(shared.id().orElseThrow())
                .tool("roll_dice").toolId(tool.id()).metadata(Map.of("team", "core", "level", 3))
                .enableSleeptime(true).contextWindowLimit(16000).build());

        JsonNode sent = lastRequest("POST", "/v1/agents").json();
        assertThat(sent.path("block_ids").get(0).asString()).isEqualTo(shared.id().orElseThrow());
        assertThat(sent.path("tool_ids").get(0).asString()).isEqualTo(tool.id());
        assertThat(sent.path("tools").valueStream().map(JsonNode::asString))
                .containsExactly("web_search", "fetch_webpage", "roll_dice");
        assertThat(sent.path("metadata").path("level").asInt()).isEqualTo(3);
        assertThat(sent.path("enable_sleeptime").asBoolean()).isTrue();
        assertThat(sent.path("context_window_limit").asInt()).isEqualTo(16000);

        AgentInfo agent = agents.get(id);
        assertThat(agent.metadata()).containsEntry("team", "core").containsEntry("level", 3);
        assertThat(agent.sleeptimeEnabled()).hasValue(true);
        assertThat(agent.block("team").map(MemoryBlock::value)).hasValue("we ship on fridays");
        assertThat(agent.extras()).containsKeys("llm_config", "tools", "agent_type")
                .doesNotContainKeys("id", "name", "blocks", "metadata", "enable_sleeptime");
        assertThat(new RestTools(http).listForAgent(id, PageRequest.first(10)).items()).extracting(ToolInfo::id)
                .containsExactly(tool.id());
        assertThat(agents.contextWindow(id).maxTokens()).isEqualTo(16000);
    }

    @Test
    void unsetNewFieldsAreNotSent() {
        agents.create(AgentOptions.builder().name("plain").build());

        JsonNode sent = lastRequest("POST", "/v1/agents").json();
        assertThat(sent.propertyNames()).doesNotContain("block_ids", "tool_ids", "metadata", "enable_sleeptime",
                "context_window_limit");
        assertThat(sent.path("tools").valueStream().map(JsonNode::asString))
                .containsExactly("web_search", "fetch_webpage");
    }

    @Test
    void aBlockIdTheServerRefusesIsAnInvalidRequestNamingTheField() {
        // "block-1" passes the SDK's id check (ids of other forms are the server's to judge); the document's
        // pattern wants block-<uuid4>, so the server answers 422 locating body.block_ids.0.
        assertThatThrownBy(() -> agents.create(AgentOptions.builder().blockId("block-1").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fields()).containsExactly("body.block_ids.0");
                    assertThat(e).hasMessageContaining("body.block_ids.0").hasMessageContaining("422");
                });
    }

    @Test
    void anExportIsImportedBackAsANewAgentWithItsBlocksAndTools() throws Exception {
        ToolInfo tool = new RestTools(http).create(ToolCreate.builder(ROLL).build());
        String id = agents.create(AgentOptions.builder().name("patch").persona("You are Patch.").human("Ana")
                .toolId(tool.id()).metadata(Map.of("team", "core")).build());

        AgentFile file = agents.exportAgent(id);

        assertThat(lastRequest("GET", "/v1/agents/" + id + "/export")).isNotNull();
        JsonNode document = JsonMapper.builder().build().readTree(file.json());
        assertThat(document.path("agents").get(0).path("name").asString()).isEqualTo("patch");
        assertThat(document.path("blocks").valueStream().map(b -> b.path("label").asString()))
                .containsExactlyInAnyOrder("persona", "human");

        List<String> imported = agents.importAgent(file, ImportOptions.builder().name("patch-2").stripMessages(true)
                .build());

        RecordedRequest upload = lastRequest("POST", "/v1/agents/import");
        assertThat(upload.header("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("multipart/form-data; boundary="));
        assertThat(upload.body()).contains("name=\"file\"; filename=\"agent.af\"", "name=\"name\"", "patch-2",
                "name=\"strip_messages\"", "name=\"override_existing_tools\"");
        assertThat(imported).singleElement().isNotEqualTo(id);
        AgentInfo copy = agents.get(imported.get(0));
        assertThat(copy.name()).hasValue("patch-2");
        assertThat(copy.block("persona").map(MemoryBlock::value)).hasValue("You are Patch.");
        assertThat(copy.block("human").map(MemoryBlock::value)).hasValue("Ana");
        assertThat(copy.block("persona").flatMap(MemoryBlock::id))
                .isNotEqualTo(agents.get(id).block("persona").flatMap(MemoryBlock::id));
        assertThat(copy.metadata()).containsEntry("team", "core");
        assertThat(new RestTools(http).listForAgent(copy.id(), PageRequest.first(10)).items())
                .extracting(ToolInfo::name).containsExactly(tool.name());
    }

    @Test
    void theContextWindowHasItsSizesAndTheRestInExtras() {
        String id = agents.create(AgentOptions.builder().persona("You are Patch, a terse reviewer.").build());

        ContextWindow window = agents.contextWindow(id);

        assertThat(lastRequest("GET", "/v1/agents/" + id + "/context")).isNotNull();
        assertThat(window.maxTokens()).isEqualTo(128000);
        assertThat(window.coreMemoryTokens()).isPositive();
        assertThat(window.currentTokens()).isPositive().isLessThan(window.maxTokens())
                .isGreaterThanOrEqualTo(window.coreMemoryTokens() + window.systemTokens());
        assertThat(window.freeTokens()).isEqualTo(window.maxTokens() - window.currentTokens());
        assertThat(window.extras()).containsKeys("core_memory", "system_prompt", "messages")
                .doesNotContainKey("context_window_size_max");
        assertThat((String) window.extras().get("core_memory")).contains("You are Patch");
    }

    @Test
    void unknownAgentsAndBadInputAreRefused() {
        String missing = "agent-00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> agents.exportAgent(missing)).isInstanceOf(AgentNotFoundException.class)
                .hasMessageContaining(missing);
        assertThatThrownBy(() -> agents.contextWindow(missing)).isInstanceOf(AgentNotFoundException.class);
        int before = fake.requests().size();
        assertThatThrownBy(() -> agents.exportAgent("conv-1")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> agents.contextWindow(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> agents.importAgent(null)).isInstanceOf(ConfigurationException.class);
        assertThat(fake.requests()).hasSize(before);
        assertThatThrownBy(() -> agents.importAgent(AgentFile.of("{\"name\": \"legacy\"}")))
                .isInstanceOf(TransportException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("AgentFileSchema");
    }

    @Test
    void anExportAnsweredAsTheObjectItselfIsKeptAsTheServerWroteIt() {
        // A Letta server's handler returns the agent file's object (indented), not the string the document names.
        String written = "{\n  \"agents\": [\n    {\"id\": \"agent-0\"}\n  ],\n  \"blocks\": []\n}";
        try (ScriptedApiServer server = ScriptedApiServer.start().then(ScriptedApiServer.Reply.json(200, written),
                ScriptedApiServer.Reply.json(200, "\"string\""));
                LettaHttp direct = ControlPlaneTest.client(server.baseUrl())) {
            RestAgents real = new RestAgents(direct, new ControlPlane(direct));
            String id = "agent-00000000-0000-4000-8000-000000000000";

            assertThat(real.exportAgent(id).json()).isEqualTo(written);
            assertThat(server.received().get(0).path()).isEqualTo("/v1/agents/" + id + "/export");
            assertThatThrownBy(() -> real.exportAgent(id)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("is not an agent file");
        }
    }

    private RecordedRequest lastRequest(String method, String path) {
        List<RecordedRequest> requests = fake.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().equals(method) && requests.get(i).path().equals(path)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no " + method + " " + path + " in " + requests);
    }
}
