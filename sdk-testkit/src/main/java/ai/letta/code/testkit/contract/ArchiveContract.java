package ai.letta.code.testkit.contract;

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
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Archives and passages ({@code client.archives()}, {@code client.passages()}): with
 * {@link ContractFeature#LETTA_API} an archive is created, renamed, listed, attached to and detached from an
 * agent and deleted; passages are written one and many, found by search and deleted; an agent's archival memory
 * is written, listed, searched and deleted, each call reading what the previous wrote. Without it every call fails
 * with an {@link UnsupportedFeatureException} that names the cloud backend.
 *
 * <p>Search assertions only rely on a passage that contains the query's words being found: a real server ranks by
 * embeddings, the fake matches text.
 */
public abstract class ArchiveContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ArchiveContract() {}

    @Test
    void archivesAreCreatedUpdatedListedAndDeleted() {
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.archives().create(ArchiveCreate.builder("contract").build()));
            assertUnsupported(() -> client.archives().list(ArchiveFilter.all(), PageRequest.first(1)));
            assertUnsupported(() -> client.archives().delete("archive-contract"));
            return;
        }
        ArchiveInfo created = client.archives().create(ArchiveCreate.builder("contract-archive")
                .description("made by the contract").build());

        assertThat(client.archives().get(created.id()).name()).isEqualTo("contract-archive");
        assertThat(client.archives().update(created.id(), ArchiveUpdate.builder().name("contract-renamed").build())
                .description()).contains("made by the contract");
        assertThat(client.archives().get(created.id()).name()).isEqualTo("contract-renamed");
        List<String> listed = new ArrayList<>();
        client.archives().list(ArchiveFilter.all(), PageRequest.first(1)).autoPager()
                .forEach(archive -> listed.add(archive.id()));
        assertThat(listed).contains(created.id()).doesNotHaveDuplicates();
        assertThat(client.archives().list(ArchiveFilter.all().named("contract-renamed"), PageRequest.first(10))
                .items()).extracting(ArchiveInfo::id).contains(created.id());

        client.archives().delete(created.id());

        assertThatThrownBy(() -> client.archives().get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void archivesAreAttachedToAndDetachedFromAgents() {
        String agentId = newAgent();
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.archives().attach(agentId, "archive-contract"));
            assertUnsupported(() -> client.archives().detach(agentId, "archive-contract"));
            assertUnsupported(() -> client.archives().agents("archive-contract", PageRequest.first(1)));
            return;
        }
        String archive = client.archives().create(ArchiveCreate.builder("contract-shared").build()).id();

        client.archives().attach(agentId, archive);

        assertThat(client.archives().agents(archive, PageRequest.first(10)).items()).extracting(AgentInfo::id)
                .containsExactly(agentId);
        assertThat(client.archives().list(ArchiveFilter.all().attachedTo(agentId), PageRequest.first(10)).items())
                .extracting(ArchiveInfo::id).contains(archive);

        client.archives().detach(agentId, archive);

        assertThat(client.archives().agents(archive, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void passagesOfAnArchiveAreInsertedSearchedAndDeleted() {
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.passages().insert("archive-contract", PassageCreate.of("x")));
            assertUnsupported(() -> client.passages().insertAll("archive-contract", List.of(PassageCreate.of("x"))));
            assertUnsupported(() -> client.passages().delete("archive-contract", "passage-contract"));
            assertUnsupported(() -> client.passages().search(PassageSearch.of("x")));
            return;
        }
        String archive = client.archives().create(ArchiveCreate.builder("contract-passages").build()).id();

        PassageInfo one = client.passages().insert(archive, PassageCreate.builder("Contract builds use Maven.")
                .tags(List.of("build")).build());
        List<PassageInfo> many = client.passages().insertAll(archive, List.of(
                PassageCreate.of("Contract tests use JUnit."), PassageCreate.of("Contract notes are short.")));

        assertThat(one.archiveId()).contains(archive);
        assertThat(one.tags()).containsExactly("build");
        assertThat(many).hasSize(2);
        assertThat(client.passages().search(PassageSearch.builder().query("Maven").archiveId(archive).build()))
                .extracting(PassageSearchResult::id).contains(one.id());

        client.passages().delete(archive, one.id());

        assertThat(client.passages().search(PassageSearch.builder().query("Maven").archiveId(archive).build()))
                .extracting(PassageSearchResult::id).doesNotContain(one.id());
    }

    @Test
    void agentArchivalMemoryIsWrittenListedSearchedAndDeleted() {
        String agentId = newAgent();
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.passages().insertMemory(agentId, PassageCreate.of("x")));
            assertUnsupported(() -> client.passages().listMemory(agentId, PageRequest.first(1)));
            assertUnsupported(() -> client.passages().searchMemory(agentId, PassageSearch.of("x")));
            assertUnsupported(() -> client.passages().deleteMemory(agentId, "passage-contract"));
            return;
        }
        List<PassageInfo> written = client.passages().insertMemory(agentId,
                PassageCreate.of("The contract user's cat is called Miso."));
        client.passages().insertMemory(agentId, PassageCreate.of("The contract user drinks green tea."));

        assertThat(written).isNotEmpty();
        List<PassageInfo> listed = new ArrayList<>();
        client.passages().listMemory(agentId, PageRequest.first(1).chronological()).autoPager().forEach(listed::add);
        assertThat(listed).extracting(PassageInfo::text).containsExactly("The contract user's cat is called Miso.",
                "The contract user drinks green tea.");
        assertThat(client.passages().searchMemory(agentId, PassageSearch.of("Miso")))
                .extracting(PassageSearchResult::id).contains(written.get(0).id());

        client.passages().deleteMemory(agentId, written.get(0).id());

        assertThat(client.passages().listMemory(agentId, PageRequest.first(10)).items()).extracting(PassageInfo::id)
                .doesNotContain(written.get(0).id()).hasSize(1);
    }

    /** The call must fail with an {@code UnsupportedFeatureException} naming the cloud backend. */
    static void assertUnsupported(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(UnsupportedFeatureException.class)
                .satisfies(e -> assertThat(((UnsupportedFeatureException) e).supportedBy())
                        .contains(BackendKind.CLOUD));
    }
}
