package ai.letta.code.testkit.contract;

import static ai.letta.code.testkit.contract.ArchiveContract.assertUnsupported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Session;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.conversation.CompactionResult;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The conversation operations beyond create, get, list and messages ({@link ResourceContract} covers those):
 * create with options, update, delete, fork, cancel and compact. With {@link ContractFeature#LETTA_API} each works
 * with real state. Without it, delete and cancel fail with an {@link UnsupportedFeatureException} naming the cloud
 * backend, and update, fork and compact either work for real (the app server has commands for them) or fail the
 * same way: never a silent no-op.
 */
public abstract class ConversationResourceContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ConversationResourceContract() {}

    @Test
    void conversationIsCreatedWithOptionsAndUpdated() {
        String agentId = newAgent();
        if (!has(ContractFeature.RESOURCES) && !has(ContractFeature.LETTA_API)) {
            assertThatThrownBy(() -> client.conversations().create(agentId, ConversationCreate.empty()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        ConversationInfo created = client.conversations().create(agentId, ConversationCreate.builder()
                .summary("contract triage").build());
        assertThat(created.agentId()).isEqualTo(agentId);

        Optional<ConversationInfo> updated = worksOrUnsupported(() -> client.conversations().update(created.id(),
                ConversationUpdate.builder().summary("contract billing").build()));

        updated.ifPresent(u -> {
            assertThat(u.summary()).contains("contract billing");
            assertThat(client.conversations().get(created.id()).summary()).contains("contract billing");
        });
    }

    @Test
    void conversationIsDeleted() {
        String agentId = newAgent();
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.conversations().delete("conv-contract"));
            return;
        }
        ConversationInfo kept = client.conversations().create(agentId);
        ConversationInfo deleted = client.conversations().create(agentId);

        client.conversations().delete(deleted.id());

        assertThatThrownBy(() -> client.conversations().get(deleted.id())).isInstanceOf(NotFoundException.class);
        assertThat(client.conversations().list(agentId, PageRequest.first(100)).items())
                .extracting(ConversationInfo::id).contains(kept.id()).doesNotContain(deleted.id());
    }

    @Test
    void forkCopiesTheHistoryAndThenGoesItsOwnWay() {
        Session session = openSession();
        if (!has(ContractFeature.RESOURCES) && !has(ContractFeature.LETTA_API)) {
            assertThatThrownBy(() -> client.conversations().fork(session.conversationId()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        scriptedTurn(session, "say before", "said before");

        Optional<ConversationInfo> fork = worksOrUnsupported(() -> client.conversations()
                .fork(session.conversationId()));

        fork.ifPresent(f -> {
            assertThat(f.id()).isNotEqualTo(session.conversationId());
            assertThat(f.agentId()).isEqualTo(session.agentId());
            assertThat(texts(f.id())).anyMatch(text -> text.contains("said before"));
            scriptedTurn(session, "say after", "said after");
            assertThat(texts(f.id())).noneMatch(text -> text.contains("said after"));
        });
    }

    @Test
    void cancelAnswersForAnIdleConversation() {
        Session session = openSession();
        if (!has(ContractFeature.LETTA_API)) {
            assertUnsupported(() -> client.conversations().cancel(session.conversationId()));
            return;
        }
        scriptedTurn(session, "say done", "said done");

        Map<String, Object> answer = client.conversations().cancel(session.conversationId());

        // Nothing is running after the turn ended: nothing is reported cancelled.
        assertThat(answer.values()).doesNotContain("cancelled");
        assertThatThrownBy(() -> client.conversations().cancel("conv-00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void compactReportsWhatItDid() {
        Session session = openSession();
        if (!has(ContractFeature.RESOURCES) && !has(ContractFeature.LETTA_API)) {
            assertThatThrownBy(() -> client.conversations().compact(session.conversationId()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        scriptedTurn(session, "say one", "said one");

        Optional<CompactionResult> result = worksOrUnsupported(() -> client.conversations()
                .compact(session.conversationId()));

        result.ifPresent(r -> {
            assertThat(r.messagesAfter()).isLessThanOrEqualTo(r.messagesBefore());
            assertThat(r.summary()).isNotNull();
        });
        if (has(ContractFeature.LETTA_API)) {
            assertThat(result).as("compaction on a Letta API server").isPresent();
        }
    }

    private List<String> texts(String conversationId) {
        return client.conversations().messages(conversationId, PageRequest.first(100).chronological()).items()
                .stream().flatMap(m -> m.text().stream()).toList();
    }

    /**
     * Runs an operation that a peer without {@link ContractFeature#LETTA_API} may refuse: it either works (the
     * caller then checks its effect) or throws an {@code UnsupportedFeatureException} naming the cloud backend.
     * With the feature it must work.
     */
    private <T> Optional<T> worksOrUnsupported(Supplier<T> operation) {
        try {
            return Optional.of(operation.get());
        } catch (UnsupportedFeatureException e) {
            assertThat(has(ContractFeature.LETTA_API)).as("a Letta API server refused %s", e.feature()).isFalse();
            assertThat(e.supportedBy()).contains(BackendKind.CLOUD);
            return Optional.empty();
        }
    }
}
