package ai.letta.code.transport.cloud.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.archive.ArchiveCreate;
import ai.letta.code.api.archive.ArchiveFilter;
import ai.letta.code.api.archive.ArchiveInfo;
import ai.letta.code.api.archive.ArchiveUpdate;
import ai.letta.code.api.archive.PassageCreate;
import ai.letta.code.api.archive.PassageInfo;
import ai.letta.code.api.archive.PassageSearch;
import ai.letta.code.api.archive.PassageSearchResult;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.transport.cloud.http.LettaHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.json.JsonMapper;

class RestArchivesTest {

    private FakeLettaApi fake;
    private LettaHttp http;
    private RestArchives archives;
    private RestPassages passages;

    @BeforeEach
    void open() {
        fake = FakeLettaApi.start();
        http = ControlPlaneTest.client(fake.baseUrl());
        archives = new RestArchives(http);
        passages = new RestPassages(http);
    }

    @AfterEach
    void close() {
        http.close();
        fake.close();
    }

    @Test
    void createdArchiveIsFetchedUpdatedAndDeleted() {
        ArchiveInfo created = archives.create(ArchiveCreate.builder("research").description("papers")
                .embedding("openai/text-embedding-3-small").build());

        assertThat(created.id()).startsWith("archive-");
        assertThat(archives.get(created.id())).isEqualTo(created);
        assertThat(created.embedding()).contains("openai/text-embedding-3-small");
        assertThat(created.vectorDbProvider()).contains("native");
        assertThat(created.createdAt()).isPresent();
        // Unmodelled fields stay reachable.
        assertThat(created.extras()).containsKey("organization_id").containsKey("embedding_config");

        ArchiveInfo updated = archives.update(created.id(), ArchiveUpdate.builder().name("reading").build());

        assertThat(updated.name()).isEqualTo("reading");
        assertThat(updated.description()).contains("papers");
        assertThat(archives.get(created.id()).name()).isEqualTo("reading");
        assertThat(lastRequest("PATCH").json().toString()).isEqualTo("{\"name\":\"reading\"}");

        archives.delete(created.id());

        assertThatThrownBy(() -> archives.get(created.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(created.id());
        assertThatThrownBy(() -> archives.delete(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void archivesAreListedByNameAndAgentAndPagedLazily() {
        String agent = fake.createAgent(Map.of("name", "reader"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(archives.create(ArchiveCreate.builder("a" + i).build()).id());
        }
        archives.attach(agent, ids.get(1));
        archives.attach(agent, ids.get(3));

        Page<ArchiveInfo> first = archives.list(ArchiveFilter.all(), PageRequest.first(2).chronological());
        List<String> all = new ArrayList<>();
        first.autoPager().forEach(a -> all.add(a.id()));

        assertThat(first.items()).extracting(ArchiveInfo::id).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.hasMore()).isTrue();
        assertThat(all).containsExactlyElementsOf(ids);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(archives.list(ArchiveFilter.all(), PageRequest.first(10)).items()).extracting(ArchiveInfo::id)
                .containsExactlyElementsOf(newestFirst);
        assertThat(archives.list(ArchiveFilter.all().named("a2"), PageRequest.first(10)).items())
                .extracting(ArchiveInfo::id).containsExactly(ids.get(2));
        assertThat(archives.list(ArchiveFilter.all().attachedTo(agent), PageRequest.first(10).chronological())
                .items()).extracting(ArchiveInfo::id).containsExactly(ids.get(1), ids.get(3));
    }

    @Test
    void attachedArchiveListsItsAgentsUntilDetached() {
        String agent = fake.createAgent(Map.of("name", "reader"));
        String other = fake.createAgent(Map.of("name", "other"));
        String archive = archives.create(ArchiveCreate.builder("shared").build()).id();

        archives.attach(agent, archive);
        archives.attach(other, archive);

        assertThat(archives.agents(archive, PageRequest.first(10).chronological()).items()).extracting(AgentInfo::id)
                .containsExactly(agent, other);

        archives.detach(agent, archive);

        assertThat(archives.agents(archive, PageRequest.first(10)).items()).extracting(AgentInfo::id)
                .containsExactly(other);
        assertThatThrownBy(() -> archives.attach(agent, "archive-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> archives.attach("agent-00000000-0000-4000-8000-000000000000", archive))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void passagesAreInsertedOneAndManyThenSearchedAndDeleted() {
        String archive = archives.create(ArchiveCreate.builder("notes").build()).id();
        Instant then = Instant.parse("2025-01-02T03:04:05Z");

        PassageInfo one = passages.insert(archive, PassageCreate.builder("The build uses Maven.")
                .tags(List.of("build")).metadata(Map.of("source", "README")).createdAt(then).build());
        List<PassageInfo> many = passages.insertAll(archive, List.of(PassageCreate.of("Tests use JUnit 5."),
                PassageCreate.builder("Maven wraps the build.").tags(List.of("build", "tools")).build()));

        assertThat(one.id()).startsWith("passage-");
        assertThat(one.archiveId()).contains(archive);
        assertThat(one.tags()).containsExactly("build");
        assertThat(one.metadata()).containsEntry("source", "README");
        assertThat(one.createdAt()).contains(then);
        assertThat(one.extras()).containsKey("embedding").containsKey("is_deleted");
        assertThat(many).extracting(PassageInfo::text).containsExactly("Tests use JUnit 5.", "Maven wraps the build.");

        List<PassageSearchResult> maven = passages.search(PassageSearch.builder().query("maven").archiveId(archive)
                .build());
        List<PassageSearchResult> both = passages.search(PassageSearch.builder().archiveId(archive)
                .tags(List.of("build", "tools")).matchAllTags().build());

        assertThat(maven).extracting(PassageSearchResult::id).containsExactly(one.id(), many.get(1).id());
        assertThat(maven.get(0).passage()).contains(one);
        assertThat(maven.get(0).score()).isPresent();
        assertThat(maven.get(0).extras()).containsKey("metadata");
        assertThat(both).extracting(PassageSearchResult::text).containsExactly("Maven wraps the build.");

        passages.delete(archive, one.id());

        assertThat(passages.search(PassageSearch.builder().query("maven").archiveId(archive).build()))
                .extracting(PassageSearchResult::id).containsExactly(many.get(1).id());
        assertThatThrownBy(() -> passages.delete(archive, one.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void agentArchivalMemoryIsWrittenListedSearchedAndDeleted() {
        String agent = fake.createAgent(Map.of("name", "rememberer"));
        Instant early = Instant.parse("2024-06-01T00:00:00Z");
        passages.insertMemory(agent, PassageCreate.builder("The user's cat is called Miso.").tags(List.of("pets"))
                .createdAt(early).build());
        passages.insertMemory(agent, PassageCreate.of("The user likes green tea."));
        PassageInfo third = passages.insertMemory(agent, PassageCreate.builder("Miso is a tabby cat.")
                .tags(List.of("pets")).build()).get(0);

        List<PassageInfo> all = new ArrayList<>();
        passages.listMemory(agent, PageRequest.first(2).chronological()).autoPager().forEach(all::add);

        assertThat(all).extracting(PassageInfo::text).containsExactly("The user's cat is called Miso.",
                "The user likes green tea.", "Miso is a tabby cat.");
        assertThat(passages.listMemory(agent, PageRequest.first(1)).items()).extracting(PassageInfo::id)
                .containsExactly(third.id());
        assertThat(passages.listMemory(agent, "tea", PageRequest.first(10)).items()).extracting(PassageInfo::text)
                .containsExactly("The user likes green tea.");
        // The memory lives in an archive attached to the agent, which the archive listing shows.
        assertThat(archives.list(ArchiveFilter.all().attachedTo(agent), PageRequest.first(10)).items())
                .extracting(ArchiveInfo::id).containsExactly(third.archiveId().orElseThrow());

        List<PassageSearchResult> cats = passages.searchMemory(agent, PassageSearch.builder().query("miso")
                .tags(List.of("pets")).build());
        List<PassageSearchResult> recent = passages.searchMemory(agent, PassageSearch.builder().query("miso")
                .start(early.plusSeconds(60)).limit(5).build());
        List<PassageSearchResult> top = passages.searchMemory(agent, PassageSearch.builder().query("miso").limit(1)
                .build());

        assertThat(cats).extracting(PassageSearchResult::text).containsExactly("The user's cat is called Miso.",
                "Miso is a tabby cat.");
        assertThat(cats.get(0).timestamp()).contains(early);
        assertThat(cats.get(0).tags()).containsExactly("pets");
        assertThat(recent).extracting(PassageSearchResult::id).containsExactly(third.id());
        assertThat(top).hasSize(1);
        RecordedRequest search = lastRequest("GET");
        assertThat(search.queryParameter("top_k")).contains("1");
        assertThat(fake.requests().stream().anyMatch(r -> r.queryParameter("tag_match_mode").isPresent()
                && r.queryParameters().getOrDefault("tags", List.of()).equals(List.of("pets")))).isTrue();

        passages.deleteMemory(agent, third.id());

        assertThat(passages.listMemory(agent, PageRequest.first(10)).items()).extracting(PassageInfo::id)
                .doesNotContain(third.id()).hasSize(2);
        assertThat(passages.search(PassageSearch.builder().query("miso").agentId(agent).build()))
                .extracting(PassageSearchResult::text).containsExactly("The user's cat is called Miso.");
        assertThatThrownBy(() -> passages.deleteMemory(agent, third.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownAgentsMemoryIsNotFound() {
        String unknown = "agent-00000000-0000-4000-8000-000000000000";

        assertThatThrownBy(() -> passages.listMemory(unknown, PageRequest.first(1)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown);
        assertThatThrownBy(() -> passages.insertMemory(unknown, PassageCreate.of("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> passages.insert("archive-00000000-0000-4000-8000-000000000000",
                PassageCreate.of("x"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        String agent = "agent-00000000-0000-4000-8000-000000000000";
        String archive = "archive-00000000-0000-4000-8000-000000000000";
        List<Executable> calls = List.of(
                () -> archives.get(""),
                () -> archives.get("conv-123"),
                () -> archives.get("archive-1/../agents"),
                () -> archives.delete("-rf"),
                () -> archives.update(archive, null),
                () -> archives.attach("conv-1", archive),
                () -> archives.detach(agent, "agent-1"),
                () -> archives.list(null, PageRequest.first(1)),
                () -> archives.agents(" ", PageRequest.first(1)),
                () -> passages.insert(archive, null),
                () -> passages.insertAll(archive, List.of()),
                () -> passages.delete(archive, "block-1"),
                () -> passages.listMemory("archive-1", PageRequest.first(1)),
                () -> passages.listMemory(agent, " ", PageRequest.first(1)),
                () -> passages.insertMemory(agent, PassageCreate.builder("x").metadata(Map.of("k", "v")).build()),
                () -> passages.searchMemory(agent, PassageSearch.builder().build()),
                () -> passages.searchMemory(agent, PassageSearch.builder().query("x").archiveId(archive).build()),
                () -> passages.deleteMemory(agent, "passage\n1"),
                () -> ArchiveCreate.builder(" "),
                () -> ArchiveUpdate.builder().build(),
                () -> ArchiveFilter.all().attachedTo("conv-1"),
                () -> PassageCreate.builder(""),
                () -> PassageCreate.builder("x").tags(List.of(" ")),
                () -> PassageSearch.builder().limit(0),
                () -> PassageSearch.builder().limit(101),
                () -> PassageSearch.builder().start(Instant.now()).end(Instant.now().minusSeconds(5)).build());
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(ConfigurationException.class);
        }

        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void extrasKeepJsonNullsAndAreUnmodifiable() throws Exception {
        ArchiveInfo created = archives.create(ArchiveCreate.builder("nulls").build());

        assertThat(created.extras()).containsEntry("created_by_id", null);
        assertThatThrownBy(() -> created.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(JsonMapper.builder().build().readTree(fake.requests().get(0).body()).toString())
                .isEqualTo("{\"name\":\"nulls\"}");
    }

    private RecordedRequest lastRequest(String method) {
        List<RecordedRequest> matching = fake.requests().stream().filter(r -> r.method().equals(method)).toList();
        assertThat(matching).as("%s requests", method).isNotEmpty();
        return matching.get(matching.size() - 1);
    }
}
