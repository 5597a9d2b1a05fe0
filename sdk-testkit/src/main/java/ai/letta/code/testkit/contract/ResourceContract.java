package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Session;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Letta API resources around sessions, through {@code client.agents()} and {@code client.conversations()}:
 * agents listed, fetched and deleted; an agent's conversations created, listed and fetched; a conversation's
 * messages paged oldest first with cursors, every message once and in order. Without
 * {@link ContractFeature#RESOURCES} (the CLI has no subcommand for them) those but listing and fetching agents must
 * fail with an {@code UnsupportedFeatureException}.
 */
public abstract class ResourceContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ResourceContract() {}

    @Test
    void agentsAreListedAndFetched() {
        String first = client.createAgent(AgentOptions.builder().name("contract-first").build());
        String second = client.createAgent(AgentOptions.builder().name("contract-second").build());

        assertThat(client.agents().list(PageRequest.first(100)).items()).extracting(AgentInfo::id)
                .contains(first, second);
        assertThat(client.agents().get(second).name()).contains("contract-second");
        assertThatThrownBy(() -> client.agents().get("agent-contract-unknown")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void agentsAreDeleted() {
        String kept = newAgent();
        String deleted = newAgent();
        if (!has(ContractFeature.RESOURCES)) {
            assertThatThrownBy(() -> client.agents().delete(deleted)).isInstanceOf(UnsupportedFeatureException.class);
            return;
        }

        client.agents().delete(deleted);

        assertThatThrownBy(() -> client.agents().get(deleted)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(deleted);
        assertThat(client.agents().list(PageRequest.first(100)).items()).extracting(AgentInfo::id)
                .contains(kept).doesNotContain(deleted);
    }

    @Test
    void conversationsOfAnAgentAreCreatedListedAndFetched() {
        String agentId = newAgent();
        if (!has(ContractFeature.RESOURCES)) {
            assertThatThrownBy(() -> client.conversations().create(agentId))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }

        ConversationInfo created = client.conversations().create(agentId);

        assertThat(created.id()).isNotBlank().isNotEqualTo("default").isNotEqualTo(agentId);
        assertThat(created.agentId()).isEqualTo(agentId);
        assertThat(client.conversations().get(created.id()).agentId()).isEqualTo(agentId);
        assertThat(client.conversations().list(agentId, PageRequest.first(100)).items())
                .extracting(ConversationInfo::id).contains(created.id());
        assertThatThrownBy(() -> client.conversations().get("conv-contract-unknown"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void messagesArePagedOldestFirstEachOnceAndInOrder() {
        Session session = openSession();
        if (!has(ContractFeature.RESOURCES)) {
            assertThatThrownBy(() -> client.conversations().messages(session.conversationId(), PageRequest.first(2)))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        for (String word : List.of("first", "second", "third")) {
            scriptedTurn(session, "say " + word, "said " + word);
        }

        List<MessageRecord> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        PageRequest request = PageRequest.first(2).chronological();
        for (int pages = 0; pages < 50; pages++) {
            Page<MessageRecord> page = client.conversations().messages(session.conversationId(), request);
            assertThat(page.items().size()).as("page %d", pages).isLessThanOrEqualTo(2);
            all.addAll(page.items());
            if (!page.hasMore()) {
                break;
            }
            String cursor = page.nextCursor().orElseThrow(() -> new AssertionError("hasMore without a cursor"));
            assertThat(cursors.add(cursor)).as("cursor %s repeats", cursor).isTrue();
            request = request.startingAfter(cursor);
        }

        assertThat(all).extracting(MessageRecord::id).doesNotHaveDuplicates();
        List<String> said = all.stream().flatMap(m -> m.text().stream())
                .filter(text -> text.startsWith("said ")).toList();
        assertThat(said).containsExactly("said first", "said second", "said third");
        assertThat(indexOfText(all, "say first")).isLessThan(indexOfText(all, "said first"));
        assertThat(indexOfText(all, "said first")).isLessThan(indexOfText(all, "say third"));
    }

    private static int indexOfText(List<MessageRecord> messages, String text) {
        for (int i = 0; i < messages.size(); i++) {
            String found = messages.get(i).text().orElse(null);
            if (found != null && found.contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no message contains \"" + text + "\" in " + messages);
    }
}
