package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
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

class RestBlocksTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestBlocks blocks;
    private RestAgents agents;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        blocks = new RestBlocks(http);
        agents = new RestAgents(http, new ControlPlane(http));
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void aStandaloneBlockIsCreatedReadUpdatedAndDeleted() {
        MemoryBlock created = blocks.create(BlockCreate.builder("team", "We ship on Fridays.")
                .description("What the team knows").limit(2000).tags(List.of("shared")).metadata(Map.of("v", 1))
                .build());

        assertThat(created.id()).hasValueSatisfying(id -> assertThat(id).startsWith("block-"));
        assertThat(created.label()).isEqualTo("team");
        assertThat(created.value()).isEqualTo("We ship on Fridays.");
        assertThat(created.description()).hasValue("What the team knows");
        assertThat(created.limit()).hasValue(2000);
        assertThat(created.tags()).containsExactly("shared");
        assertThat(created.metadata()).containsEntry("v", 1);
        assertThat(created.extras()).containsKey("created_at");
        String id = created.id().orElseThrow();
        assertThat(blocks.get(id)).isEqualTo(created);
        assertThat(lastRequest("POST").path()).isEqualTo("/v1/blocks/");

        MemoryBlock updated = blocks.update(id, BlockUpdate.builder().value("We ship on Thursdays.").readOnly(true)
                .build());

        assertThat(updated.value()).isEqualTo("We ship on Thursdays.");
        assertThat(updated.readOnly()).isTrue();
        assertThat(updated.description()).hasValue("What the team knows");
        assertThat(blocks.get(id).value()).isEqualTo("We ship on Thursdays.");
        assertThat(lastRequest("PATCH").json().propertyNames()).containsExactlyInAnyOrder("value", "read_only");

        blocks.delete(id);

        assertThatThrownBy(() -> blocks.get(id)).isInstanceOf(NotFoundException.class).hasMessageContaining(id);
        assertThatThrownBy(() -> blocks.delete(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> blocks.update(id, BlockUpdate.value("x"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBlockIsSharedByAttachingItAndAChangeReachesEveryAgent() {
        String ana = agents.create(AgentOptions.builder().name("ana").persona("p").build());
        String bo = agents.create(AgentOptions.builder().name("bo").persona("p").build());
        MemoryBlock team = blocks.create(BlockCreate.builder("team", "v1").build());
        String id = team.id().orElseThrow();

        blocks.attach(ana, id);
        blocks.attach(bo, id);
        assertThat(lastRequest("PATCH").path()).isEqualTo("/v1/agents/" + bo + "/core-memory/blocks/attach/" + id);
        blocks.update(id, BlockUpdate.value("v2"));

        assertThat(blocks.get(ana, "team").value()).isEqualTo("v2");
        assertThat(blocks.get(bo, "team").value()).isEqualTo("v2");

        blocks.detach(ana, id);

        assertThat(blocks.list(ana)).extracting(MemoryBlock::label).doesNotContain("team");
        assertThat(blocks.list(bo)).extracting(MemoryBlock::label).contains("team");
        assertThat(blocks.get(id).value()).isEqualTo("v2");
        assertThatThrownBy(() -> blocks.attach(ana, "block-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> blocks.attach("agent-unknown", id)).isInstanceOf(NotFoundException.class);

        blocks.delete(id);
        assertThat(blocks.list(bo)).extracting(MemoryBlock::label).doesNotContain("team");
    }

    @Test
    void anAgentsBlockIsUpdatedByLabelWithOnlyThePartsSet() {
        String agentId = agents.create(AgentOptions.builder().persona("old").build());

        MemoryBlock updated = blocks.update(agentId, "persona", BlockUpdate.builder().limit(4000)
                .description("who I am").build());

        assertThat(updated.value()).isEqualTo("old");
        assertThat(updated.limit()).hasValue(4000);
        assertThat(updated.description()).hasValue("who I am");
        assertThat(blocks.get(agentId, "persona").limit()).hasValue(4000);
        RecordedRequest sent = lastRequest("PATCH");
        assertThat(sent.path()).isEqualTo("/v1/agents/" + agentId + "/core-memory/blocks/persona");
        assertThat(sent.json().propertyNames()).containsExactlyInAnyOrder("limit", "description");
    }

    @Test
    void aNestedLabelIsReadAndWrittenThroughItsId() {
        String agentId = agents.create(AgentOptions.builder().memoryBlock(MemoryBlock.of("skills/java", "records"))
                .build());

        assertThat(blocks.get(agentId, "skills/java").value()).isEqualTo("records");

        MemoryBlock updated = blocks.update(agentId, "skills/java", "sealed types");

        assertThat(updated.value()).isEqualTo("sealed types");
        assertThat(blocks.list(agentId)).filteredOn(b -> b.label().equals("skills/java"))
                .extracting(MemoryBlock::value).containsExactly("sealed types");
        assertThat(lastRequest("PATCH").path()).isEqualTo("/v1/blocks/" + updated.id().orElseThrow());
        assertThatThrownBy(() -> blocks.get(agentId, "skills/go")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("skills/go");
    }

    @Test
    void listsFilterCountAndPageLazily() {
        MemoryBlock a = blocks.create(BlockCreate.builder("team", "ships on friday").description("release days")
                .tags(List.of("x", "y")).build());
        MemoryBlock b = blocks.create(BlockCreate.builder("team", "likes tea").tags(List.of("y")).build());
        MemoryBlock c = blocks.create(BlockCreate.builder("notes", "friday standup").build());

        assertThat(blocks.list(BlockFilter.label("team"), PageRequest.first(10)).items())
                .extracting(m -> m.id().orElseThrow()).containsExactlyInAnyOrder(a.id().orElseThrow(),
                        b.id().orElseThrow());
        assertThat(blocks.list(BlockFilter.builder().valueSearch("FRIDAY").build(), PageRequest.first(10)).items())
                .containsExactlyInAnyOrder(a, c);
        assertThat(blocks.list(BlockFilter.builder().descriptionSearch("release").build(), PageRequest.first(10))
                .items()).containsExactly(a);
        assertThat(blocks.list(BlockFilter.builder().labelSearch("not").build(), PageRequest.first(10)).items())
                .containsExactly(c);
        assertThat(blocks.list(BlockFilter.builder().tags(List.of("x", "y"), true).build(), PageRequest.first(10))
                .items()).containsExactly(a);
        assertThat(blocks.list(BlockFilter.builder().tags(List.of("x", "y"), false).build(), PageRequest.first(10))
                .items()).containsExactlyInAnyOrder(a, b);
        assertThat(blocks.count(BlockFilter.all())).isEqualTo(3);
        assertThat(blocks.count(BlockFilter.label("team"))).isEqualTo(2);
        assertThat(lastRequest("GET").path()).isEqualTo("/v1/blocks/count");
        assertThat(lastRequest("GET").queryParameter("label")).hasValue("team");

        Page<MemoryBlock> first = blocks.list(BlockFilter.all(), PageRequest.first(2).chronological());
        assertThat(first.items()).containsExactly(a, b);
        List<MemoryBlock> all = new ArrayList<>();
        first.autoPager().forEach(all::add);
        assertThat(all).containsExactly(a, b, c);
    }

    @Test
    void aBodyTheServerRefusesIsNotStored() {
        int before = fake.requestCount();
        JsonNode missingValue = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                .put("label", "x");
        RecordedRequest refused = post(missingValue);
        assertThat(refused).isNotNull();
        assertThat(fake.requestCount()).isEqualTo(before + 1);
        assertThat(blocks.count(BlockFilter.all())).isZero();
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        int before = fake.requestCount();
        List<Executable> calls = List.of(
                () -> blocks.get(""), () -> blocks.get("agent-1"), () -> blocks.get("block/x"),
                () -> blocks.delete("tool-1"), () -> blocks.update("block-1", (BlockUpdate) null),
                () -> blocks.update("conv-1", BlockUpdate.value("x")), () -> blocks.attach("conv-1", "block-1"),
                () -> blocks.attach("agent-1", "tool-1"), () -> blocks.detach("agent-1", "-x"),
                () -> blocks.list("conv-1"), () -> blocks.get("agent-1", "../persona"),
                () -> blocks.update("agent-1", "/etc/passwd", BlockUpdate.value("x")),
                () -> blocks.update("agent-1", "persona", (String) null), () -> blocks.create(null),
                () -> blocks.list(null, PageRequest.first(1)),
                () -> blocks.count(BlockFilter.builder().valueSearch("x").build()),
                () -> BlockCreate.builder("a//b", "v"), () -> BlockCreate.builder("ok", null),
                () -> BlockCreate.builder("ok", "v").limit(0), () -> BlockUpdate.builder().build(),
                () -> BlockUpdate.builder().limit(-1), () -> BlockUpdate.builder().label("bad\u0000"),
                () -> BlockFilter.builder().label(".."), () -> BlockFilter.builder().tags(List.of(""), true));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(ConfigurationException.class);
        }
        assertThat(fake.requestCount()).isEqualTo(before);
    }

    /** Posts a raw body the SDK's builder would never send, to see the fake refuse it as the server does. */
    private RecordedRequest post(JsonNode body) {
        try {
            http.call(ai.letta.code.transport.cloud.http.ApiRequest.post("v1", "blocks").trailingSlash().body(body)
                    .build(), JsonNode.class);
            throw new AssertionError("a block without a value was accepted");
        } catch (ai.letta.code.api.exception.LettaCodeException e) {
            assertThat(e.getMessage()).contains("value");
        }
        return lastRequest("POST");
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
