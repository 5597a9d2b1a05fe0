package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolFilter;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.tool.ToolSearch;
import ai.letta.code.api.tool.ToolSearchResult;
import ai.letta.code.api.tool.ToolUpdate;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;

class RestToolsTest {

    private static final String ROLL = "def roll_dice() -> int:\n    \"\"\"Roll a six-sided die.\"\"\"\n    return 4\n";
    private static final String FLIP = "def flip_coin() -> str:\n    \"\"\"Flip a coin.\"\"\"\n    return 'heads'\n";

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestTools tools;
    private RestAgents agents;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        tools = new RestTools(http);
        agents = new RestAgents(http, new ControlPlane(http));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void aToolIsCreatedFromSourceAndReadBack() {
        ToolInfo created = tools.create(ToolCreate.builder(ROLL).description("Roll a die").tags(List.of("games"))
                .returnCharLimit(100).defaultRequiresApproval(true).build());

        assertThat(created.id()).startsWith("tool-");
        assertThat(created.name()).hasValue("roll_dice");
        assertThat(created.toolType()).hasValue("custom");
        assertThat(created.sourceCode()).hasValue(ROLL);
        assertThat(created.sourceType()).hasValue("python");
        assertThat(created.tags()).containsExactly("games");
        assertThat(created.returnCharLimit()).hasValue(100);
        assertThat(created.defaultRequiresApproval()).hasValue(true);
        assertThat(created.jsonSchema()).containsEntry("name", "roll_dice");
        assertThat(created.extras()).containsKeys("pip_requirements", "enable_parallel_execution", "project_id");
        assertThat(tools.get(created.id())).isEqualTo(created);

        JsonNode sent = lastRequest("POST").json();
        assertThat(sent.path("source_code").asString()).isEqualTo(ROLL);
        assertThat(sent.path("return_char_limit").asInt()).isEqualTo(100);
        assertThat(sent.has("json_schema")).as("unset parts are not sent").isFalse();
        assertThat(lastRequest("POST").path()).isEqualTo("/v1/tools/");
    }

    @Test
    void theJsonSchemaNamesTheToolAndCreatingItTwiceConflictsWhileUpsertReplaces() {
        Map<String, Object> schema = Map.of("name", "roller", "description", "Rolls",
                "parameters", Map.of("type", "object", "properties", Map.of("sides", Map.of("type", "integer"))));
        ToolInfo first = tools.create(ToolCreate.builder(ROLL).jsonSchema(schema).build());

        assertThat(first.name()).hasValue("roller");
        assertThat(first.jsonSchema()).containsEntry("parameters",
                Map.of("type", "object", "properties", Map.of("sides", Map.of("type", "integer"))));
        assertThatThrownBy(() -> tools.create(ToolCreate.builder(ROLL).jsonSchema(schema).build()))
                .isInstanceOf(ConflictException.class);

        ToolInfo upserted = tools.upsert(ToolCreate.builder(ROLL).jsonSchema(schema).description("Rolls better")
                .build());

        assertThat(upserted.id()).isEqualTo(first.id());
        assertThat(upserted.description()).hasValue("Rolls better");
        assertThat(lastRequest("PUT").path()).isEqualTo("/v1/tools/");
        assertThat(tools.count(ToolFilter.all())).isEqualTo(1);
        ToolInfo other = tools.upsert(ToolCreate.builder(FLIP).build());
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(tools.count(ToolFilter.all())).isEqualTo(2);
    }

    @Test
    void anUpdateSendsOnlyWhatItSetsAndIsReadBack() {
        ToolInfo tool = tools.create(ToolCreate.builder(ROLL).description("Roll a die").tags(List.of("games"))
                .build());

        ToolInfo updated = tools.update(tool.id(), ToolUpdate.builder().description("Roll two dice")
                .metadata(Map.of("owner", "ana")).build());

        assertThat(updated.description()).hasValue("Roll two dice");
        assertThat(updated.tags()).containsExactly("games");
        assertThat(updated.metadata()).containsEntry("owner", "ana");
        assertThat(tools.get(tool.id()).description()).hasValue("Roll two dice");
        JsonNode sent = lastRequest("PATCH").json();
        assertThat(sent.propertyNames()).containsExactlyInAnyOrder("description", "metadata_");
    }

    @Test
    void aDeletedToolIsGoneAndDetachedFromItsAgents() {
        String agentId = agents.create(AgentOptions.builder().name("dice").build());
        ToolInfo tool = tools.create(ToolCreate.builder(ROLL).build());
        tools.attach(agentId, tool.id());

        tools.delete(tool.id());

        assertThatThrownBy(() -> tools.get(tool.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(tool.id());
        assertThatThrownBy(() -> tools.delete(tool.id())).isInstanceOf(NotFoundException.class);
        assertThat(tools.listForAgent(agentId, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void listsFilterAsTheOpenApiSaysAndPageLazily() {
        ToolInfo roll = tools.create(ToolCreate.builder(ROLL).build());
        ToolInfo flip = tools.create(ToolCreate.builder(FLIP).build());
        ToolInfo third = tools.create(ToolCreate.builder("def roll_twice():\n    return 8\n").build());

        assertThat(tools.list(ToolFilter.name("flip_coin"), PageRequest.first(10)).items()).containsExactly(flip);
        assertThat(tools.list(ToolFilter.builder().search("ROLL").build(), PageRequest.first(10)).items())
                .extracting(ToolInfo::id).containsExactlyInAnyOrder(roll.id(), third.id());
        assertThat(tools.list(ToolFilter.builder().toolIds(List.of(flip.id(), third.id())).build(),
                PageRequest.first(10)).items()).extracting(ToolInfo::id).containsExactlyInAnyOrder(flip.id(), third.id());
        assertThat(tools.list(ToolFilter.builder().names(List.of("roll_dice")).build(), PageRequest.first(10))
                .items()).containsExactly(roll);
        assertThat(tools.list(ToolFilter.builder().toolTypes(List.of("letta_core")).build(), PageRequest.first(10))
                .items()).isEmpty();
        assertThat(tools.list(ToolFilter.builder().onlyLettaTools(true).build(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(tools.count(ToolFilter.builder().search("roll").build())).isEqualTo(2);
        assertThat(tools.count(ToolFilter.builder().excludeToolTypes(List.of("custom")).build())).isZero();
        RecordedRequest filtered = fake.requests().stream().filter(r -> r.path().equals("/v1/tools/")
                && r.queryParameters().containsKey("tool_ids")).findFirst().orElseThrow();
        assertThat(filtered.queryParameters().get("tool_ids")).containsExactly(flip.id(), third.id());

        Page<ToolInfo> first = tools.list(ToolFilter.all(), PageRequest.first(2).chronological());
        assertThat(first.items()).extracting(ToolInfo::id).containsExactly(roll.id(), flip.id());
        assertThat(first.hasMore()).isTrue();
        List<String> all = new ArrayList<>();
        first.autoPager().forEach(t -> all.add(t.id()));
        assertThat(all).containsExactly(roll.id(), flip.id(), third.id());
    }

    @Test
    void searchFindsToolsBestFirst() {
        ToolInfo roll = tools.create(ToolCreate.builder(ROLL).description("Roll dice for a board game").build());
        tools.create(ToolCreate.builder(FLIP).description("Flip a coin").build());

        List<ToolSearchResult> hits = tools.search(ToolSearch.builder().query("dice game").mode(ToolSearch.Mode.FTS)
                .limit(5).build());

        assertThat(hits).extracting(h -> h.tool().id()).containsExactly(roll.id());
        assertThat(hits.get(0).combinedScore()).isPositive();
        assertThat(hits.get(0).ftsRank()).hasValue(1);
        assertThat(hits.get(0).vectorRank()).isEmpty();
        assertThat(hits.get(0).embeddedText()).isPresent();
        JsonNode sent = lastRequest("POST").json();
        assertThat(sent.path("search_mode").asString()).isEqualTo("fts");
        assertThat(sent.path("limit").asInt()).isEqualTo(5);
        assertThat(lastRequest("POST").path()).isEqualTo("/v1/tools/search");
    }

    @Test
    void toolsAreAttachedToAnAgentAndDetached() {
        String agentId = agents.create(AgentOptions.builder().name("dice").build());
        ToolInfo roll = tools.create(ToolCreate.builder(ROLL).build());
        ToolInfo flip = tools.create(ToolCreate.builder(FLIP).build());

        tools.attach(agentId, roll.id());
        tools.attach(agentId, flip.id());
        tools.attach(agentId, roll.id());

        assertThat(tools.listForAgent(agentId, PageRequest.first(10).chronological()).items())
                .extracting(ToolInfo::id).containsExactly(roll.id(), flip.id());
        assertThat(fake.agent(agentId).orElseThrow().path("tools").valueStream()
                .map(t -> t.path("name").asString()))
                .containsExactly("roll_dice", "flip_coin");

        tools.detach(agentId, roll.id());

        assertThat(tools.listForAgent(agentId, PageRequest.first(10)).items()).containsExactly(flip);
        assertThat(tools.get(roll.id())).isEqualTo(roll);
        assertThatThrownBy(() -> tools.attach(agentId, "tool-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tools.attach("agent-unknown", roll.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tools.listForAgent("agent-unknown", PageRequest.first(1)))
                .isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void theApprovalSwitchKeepsARequiresApprovalRuleOnTheAgent() {
        String agentId = agents.create(AgentOptions.builder().name("dice").build());
        ToolInfo roll = tools.create(ToolCreate.builder(ROLL).build());
        tools.attach(agentId, roll.id());

        tools.updateApproval(agentId, "roll_dice", true);

        assertThat(approvalRules(agentId)).containsExactly("roll_dice");
        RecordedRequest sent = lastRequest("PATCH");
        assertThat(sent.path()).isEqualTo("/v1/agents/" + agentId + "/tools/approval/roll_dice");
        // The document's ModifyApprovalRequest body, not its deprecated ?requires_approval= query parameter.
        assertThat(sent.queryParameter("requires_approval")).isEmpty();
        assertThat(sent.json().path("requires_approval").isBoolean()).isTrue();
        assertThat(sent.json().path("requires_approval").booleanValue()).isTrue();

        tools.updateApproval(agentId, "roll_dice", true);
        assertThat(approvalRules(agentId)).containsExactly("roll_dice");

        tools.updateApproval(agentId, "roll_dice", false);
        assertThat(approvalRules(agentId)).isEmpty();
        assertThatThrownBy(() -> tools.updateApproval("agent-unknown", "roll_dice", true))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBodyTheServerRefusesIsATypedError() {
        assertThatThrownBy(() -> tools.create(ToolCreate.builder("x = 1\n").build()))
                .isInstanceOf(LettaCodeException.class).hasMessageContaining("source_code");
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        int before = fake.requestCount();
        List<Executable> calls = List.of(
                () -> tools.get(""), () -> tools.get("agent-1"), () -> tools.get("tool/../x"),
                () -> tools.get("-tool"), () -> tools.delete("conv-1"),
                () -> tools.update("tool-1", null), () -> tools.create(null),
                () -> tools.attach("conv-1", "tool-1"), () -> tools.attach("agent-1", "block-1"),
                () -> tools.detach("agent-1", " "), () -> tools.listForAgent("tool-1", PageRequest.first(1)),
                () -> tools.updateApproval("agent-1", "a/b", true), () -> tools.updateApproval("agent-1", "..", true),
                () -> tools.updateApproval("agent-1", "bad\nname", true), () -> tools.updateApproval("agent-1", "", true),
                () -> tools.list(null, PageRequest.first(1)),
                () -> ToolCreate.builder(" "), () -> ToolCreate.builder(ROLL).returnCharLimit(0),
                () -> ToolCreate.builder(ROLL).returnCharLimit(1_000_001), () -> ToolUpdate.builder().build(),
                () -> ToolCreate.builder(ROLL).tags(List.of("ok", " ")), () -> ToolSearch.builder().limit(101),
                () -> ToolFilter.builder().toolIds(List.of("agent-1")));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(ConfigurationException.class);
        }
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    private List<String> approvalRules(String agentId) {
        List<String> names = new ArrayList<>();
        fake.agent(agentId).orElseThrow().path("tool_rules").forEach(rule -> {
            if (rule.path("type").asString().equals("requires_approval")) {
                names.add(rule.path("tool_name").asString());
            }
        });
        return names;
    }

    private RecordedRequest lastRequest(String method) {
        List<RecordedRequest> requests = fake.requests();
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().equals(method)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no " + method + " request in " + requests);
    }
}
