package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake's agents, blocks, conversations, histories and session targets. */
class InMemoryStoresTest {

    @TempDir
    Path dir;
    private final InMemoryTransport fake = new InMemoryTransport();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void agentKeepsEveryOptionAndCompilesBlocksIntoItsSystemPrompt() {
        String id = fake.agents().create(AgentOptions.builder().name("patch").description("d").persona("P-1")
                .human("H-2").memoryBlock(MemoryBlock.of("project", "J-3")).model("fake/model-b")
                .systemPrompt(SystemPrompt.custom("Custom base.")).tag("t1").build());

        AgentInfo info = fake.agents().get(id);

        assertThat(id).startsWith("agent-");
        assertThat(info.name()).contains("patch");
        assertThat(info.model()).contains("fake/model-b");
        assertThat(info.tags()).containsExactly("t1");
        assertThat(info.blocks()).extracting(MemoryBlock::label).containsExactly("persona", "human", "project");
        assertThat(info.blocks()).allSatisfy(b -> assertThat(b.id()).hasValueSatisfying(blockId -> assertThat(blockId).startsWith("block-")));
        assertThat(info.system().orElseThrow()).startsWith("Custom base.").contains("<persona>\nP-1\n</persona>").contains("J-3");
        assertThat(fake.blocks().get(id, "human").value()).isEqualTo("H-2");
        assertThat(fake.blocks().update(id, "human", "H-9").value()).isEqualTo("H-9");
        assertThat(fake.agents().get(id).system().orElseThrow()).contains("H-9");
    }

    @Test
    void unknownPresetModelOrBlockIsRejected() {
        assertThatThrownBy(() -> fake.agents().create(AgentOptions.builder()
                .systemPrompt(SystemPrompt.preset("nope")).build())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("letta-claude");
        assertThatThrownBy(() -> fake.agents().create(AgentOptions.builder().model("x/y").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake/model-a");
        String id = fake.agents().create(AgentOptions.builder().build());
        assertThatThrownBy(() -> fake.blocks().get(id, "missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fake.agents().get("agent-unknown")).isInstanceOf(AgentNotFoundException.class);
    }

    @Test
    void agentsPageNewestFirstWithCursors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fake.agents().create(AgentOptions.builder().build()));
        }

        Page<AgentInfo> first = fake.agents().list(PageRequest.first(2));
        Page<AgentInfo> second = fake.agents().list(PageRequest.first(2).endingBefore(first.nextCursor().orElseThrow()));
        Page<AgentInfo> oldest = fake.agents().list(PageRequest.first(10).chronological());

        assertThat(first.items()).extracting(AgentInfo::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(AgentInfo::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(oldest.items()).extracting(AgentInfo::id).containsExactlyElementsOf(ids);
        assertThat(oldest.hasMore()).isFalse();
        assertThat(oldest.nextCursor()).isEmpty();
    }

    @Test
    void sessionTargetsResolveToRealConversations() {
        String agent = fake.agents().create(AgentOptions.builder().build());
        RecordingSink sink = new RecordingSink();
        SessionOptions options = SessionOptions.builder().cwd(dir).build();

        SessionChannel byAgent = fake.sessions().open(SessionTarget.resume(agent), options, sink);
        SessionChannel fresh = fake.sessions().open(SessionTarget.newConversation(agent), options, sink);
        SessionChannel resumed = fake.sessions().open(SessionTarget.resume(fresh.conversationId()), options, sink);
        SessionChannel byDefault = fake.sessions().open(SessionTarget.newConversation(null), options, sink);

        assertThat(byAgent.conversationId()).startsWith("conv-").isNotEqualTo(fresh.conversationId());
        assertThat(fake.sessions().open(SessionTarget.resume(agent), options, sink).conversationId())
                .isEqualTo(byAgent.conversationId());
        assertThat(resumed.agentId()).isEqualTo(agent);
        assertThat(byDefault.agentId()).isEqualTo(agent);
        String other = fake.agents().create(AgentOptions.builder().build());
        assertThatThrownBy(() -> fake.sessions().open(SessionTarget.existing(other, fresh.conversationId()), options,
                sink)).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> fake.sessions().open(SessionTarget.resume("conv-missing"), options, sink))
                .isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void defaultAgentIsCreatedWhenNoneExists() {
        SessionChannel channel = fake.sessions().open(SessionTarget.newConversation(null),
                SessionOptions.builder().cwd(dir).build(), new RecordingSink());

        assertThat(fake.agents().get(channel.agentId()).name()).contains("letta-code-default");
    }

    @Test
    void turnsAreWrittenToTheConversationHistory() {
        String agent = fake.agents().create(AgentOptions.builder().build());
        RecordingSink sink = new RecordingSink();
        SessionChannel channel = fake.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().cwd(dir).build(), sink);
        channel.send("cm-1", UserMessage.text("ping"));
        sink.awaitResult();

        Page<MessageRecord> history = fake.conversations().messages(channel.conversationId(),
                PageRequest.first(10).chronological());

        assertThat(history.items()).extracting(MessageRecord::messageType)
                .containsExactly("user_message", "reasoning_message", "assistant_message");
        assertThat(history.items()).extracting(m -> m.text().orElse(null)).containsExactly("ping", "thinking about ping",
                "pong");
        Page<MessageRecord> afterFirst = fake.conversations().messages(channel.conversationId(),
                PageRequest.first(10).chronological().startingAfter(history.items().get(0).id()));
        assertThat(afterFirst.items()).hasSize(2);
        assertThat(fake.conversations().list(agent, PageRequest.first(10)).items())
                .extracting(c -> c.id()).contains(channel.conversationId());
    }

    @Test
    void deletingAnAgentDeletesItsConversations() {
        String agent = fake.agents().create(AgentOptions.builder().build());
        String conversation = fake.conversations().create(agent).id();

        fake.agents().delete(agent);

        assertThatThrownBy(() -> fake.conversations().get(conversation))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> fake.agents().get(agent)).isInstanceOf(AgentNotFoundException.class);
    }
}
