package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which conversation a session opens: new, resumed by conversation id, an agent's default conversation (resolved,
 * never the {@code default} alias), the backend's default agent; and bad ids rejected with typed exceptions before
 * anything reaches the peer.
 */
public abstract class SessionContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public SessionContract() {}

    private static final String UNKNOWN_AGENT = "agent-00000000-0000-4000-8000-000000000000";
    private static final String UNKNOWN_CONVERSATION = "conv-00000000-0000-4000-8000-000000000000";

    @Test
    void createSessionOpensANewConversationOfTheAgent() {
        String agentId = newAgent();

        Session first = open(agentId, options().build());
        Session second = open(agentId, options().build());

        assertThat(first.agentId()).isEqualTo(agentId);
        assertResolvedConversation(first, agentId);
        assertResolvedConversation(second, agentId);
        assertThat(second.conversationId()).isNotEqualTo(first.conversationId());
        scriptedTurn(first, "hello", "new conversation ok");
    }

    @Test
    void createSessionWithoutAgentUsesTheDefaultAgent() {
        if (!has(ContractFeature.DEFAULT_AGENT)) {
            assertThatThrownBy(() -> client.createSession(options().build()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("agent");
            assertThatThrownBy(() -> client.prompt("hello nobody")).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("agent");
            return;
        }
        Session session = closeLater(client.createSession(options().build()));

        assertThat(session.agentId()).startsWith("agent-");
        assertResolvedConversation(session, session.agentId());
        scriptedTurn(session, "hello default agent", "default agent ok");
    }

    @Test
    void resumeByConversationIdReopensTheSameConversation() {
        String agentId = newAgent();
        String conversationId;
        try (Session first = client.createSession(agentId, options().build())) {
            scriptedTurn(first, "remember the marker RES-3391", "noted");
            conversationId = first.conversationId();
        }

        Session resumed = closeLater(client.resumeSession(conversationId, options().build()));

        assertThat(resumed.conversationId()).isEqualTo(conversationId);
        assertThat(resumed.agentId()).isEqualTo(agentId);
        scriptedTurn(resumed, "still there?", "resumed ok");
        assertHistoryMentions(conversationId, "RES-3391");
    }

    @Test
    void resumeByAgentIdOpensItsDefaultConversationNeverTheAlias() {
        String agentId = newAgent();
        String defaultConversation;
        try (Session first = client.resumeSession(agentId, options().build())) {
            assertThat(first.agentId()).isEqualTo(agentId);
            // Never the alias; a backend whose default conversation has no id of its own reports the agent id.
            assertThat(first.conversationId()).isNotBlank().isNotEqualTo("default");
            scriptedTurn(first, "hello default conversation", "default ok");
            defaultConversation = first.conversationId();
        }

        Session again = closeLater(client.resumeSession(agentId, options().build()));
        Session byBothIds = closeLater(client.resumeSession(agentId, defaultConversation, options().build()));
        Session fresh = open(agentId, options().build());

        assertThat(again.conversationId()).isEqualTo(defaultConversation);
        assertThat(byBothIds.conversationId()).isEqualTo(defaultConversation);
        assertThat(fresh.conversationId()).isNotEqualTo(defaultConversation);
    }

    @Test
    void resumeWithAgentAndConversationIdsReopensThatConversation() {
        String agentId = newAgent();
        String conversationId;
        try (Session first = client.createSession(agentId, options().build())) {
            conversationId = first.conversationId();
        }

        Session resumed = closeLater(client.resumeSession(agentId, conversationId, options().build()));

        assertThat(resumed.agentId()).isEqualTo(agentId);
        assertThat(resumed.conversationId()).isEqualTo(conversationId);
        scriptedTurn(resumed, "hello again", "both ids ok");
    }

    @Test
    void unknownAgentIsRejectedWithNotFound() {
        assertThatThrownBy(() -> closeLater(client.createSession(UNKNOWN_AGENT, options().build())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownConversationIsRejectedWithNotFound() {
        assertThatThrownBy(() -> closeLater(client.resumeSession(UNKNOWN_CONVERSATION, options().build())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void blankAgentIdIsRejected() {
        assertThatThrownBy(() -> client.createSession("  ", options().build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("agent");
    }

    @Test
    void conversationIdWhereAnAgentIdIsRequiredIsRejected() {
        String conversationId = openSession().conversationId();

        assertThatThrownBy(() -> client.createSession(conversationId, options().build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("agent id")
                .hasMessageContaining("resumeSession");
        assertThatThrownBy(() -> client.resumeSession(newAgent(), newAgent(), options().build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("conversation");
    }

    @Test
    void nullCanUseToolIsRejectedAtTheBuilder() {
        assertThatThrownBy(() -> SessionOptions.builder().canUseTool(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("canUseTool");
    }

    @Test
    void blankMessageIsRejected() {
        Session session = openSession();

        assertThatThrownBy(() -> session.send("   ")).isInstanceOf(ConfigurationException.class);
        scriptedTurn(session, "a real message", "still usable");
    }

    // ---- helpers ----

    private static void assertResolvedConversation(Session session, String agentId) {
        assertThat(session.conversationId()).isNotBlank().isNotEqualTo("default").isNotEqualTo(agentId);
    }

    private void assertHistoryMentions(String conversationId, String marker) {
        List<MessageRecord> messages;
        try {
            messages = client.conversations().messages(conversationId, PageRequest.first(100)).items();
        } catch (UnsupportedFeatureException e) {
            return; // the backend offers no history listing; the resumed turn above is the check
        }
        assertThat(messages).as("history of %s", conversationId)
                .anySatisfy(m -> assertThat(m.text().orElse("")).contains(marker));
    }
}
