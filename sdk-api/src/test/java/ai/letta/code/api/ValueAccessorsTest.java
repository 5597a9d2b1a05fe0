package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.QueuedMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.Results;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The one-accessor rule of the package Javadoc: absent parts are empty Optionals, values compare by value. */
class ValueAccessorsTest {

    private static final ToolPermissionRequest BASH = ToolPermissionRequest.of("perm-1", "c1", "Bash", Map.of());

    @Test
    void canUseToolTakesAnAsyncOrASyncDecision() {
        SessionOptions async = SessionOptions.builder()
                .canUseTool(req -> CompletableFuture.completedFuture(PermissionDecision.deny("no"))).build();
        SessionOptions sync = SessionOptions.builder().canUseToolSync(req -> PermissionDecision.allow()).build();

        assertThat(async.canUseTool().orElseThrow().decide(BASH).toCompletableFuture().join())
                .isEqualTo(PermissionDecision.deny("no"));
        assertThat(sync.canUseTool().orElseThrow().decide(BASH).toCompletableFuture().join())
                .isEqualTo(PermissionDecision.allow());
        assertThat(SessionOptions.defaults().canUseTool()).isEmpty();
    }

    @Test
    void promptResultIsTheAnswerTextAndKeepsTheTurn() {
        Result turn = Results.success("forty-two", "conv-1");
        PromptResult answer = new PromptResult("agent-1", "conv-1", turn, List.<SessionEvent>of(turn));

        assertThat(answer.result()).isEqualTo("forty-two");
        assertThat(answer.turn()).isSameAs(turn);
        assertThat(new PromptResult("agent-1", "conv-1", Results.failure(ErrorCode.ERROR, "boom", null, "conv-1"),
                List.of()).result()).isEmpty();
    }

    @Test
    void resultBuilderLeavesUnsetPartsEmptyAndRoundTrips() {
        Result result = Result.builder(Result.Status.ERROR).error("boom").errorDetail("  ").build();

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("boom");
        assertThat(result.errorDetail()).as("a blank detail is none").isEmpty();
        assertThat(result.result()).isEmpty();
        assertThat(result.stopReason()).isEmpty();
        assertThat(result.conversationId()).isEmpty();
        assertThat(result.runIds()).isEmpty();
        assertThat(result.toBuilder().build()).isEqualTo(result).hasSameHashCodeAs(result);
    }

    @Test
    void optionalPartsAreEmptyUntilSet() {
        SessionOptions none = SessionOptions.defaults();
        assertThat(none.cwd()).isEmpty();
        assertThat(none.model()).isEmpty();
        assertThat(none.reasoningEffort()).isEmpty();
        assertThat(none.dreaming()).isEmpty();
        assertThat(none.idleTimeout()).contains(SessionOptions.DEFAULT_IDLE_TIMEOUT);
        assertThat(SessionOptions.builder().noIdleTimeout().build().idleTimeout()).isEmpty();
        assertThat(none.permissionTimeout()).contains(SessionOptions.DEFAULT_PERMISSION_TIMEOUT);
        assertThat(SessionOptions.builder().noPermissionTimeout().build().permissionTimeout()).isEmpty();
        assertThat(none.executionTarget()).isEmpty();

        SessionOptions some = SessionOptions.builder().cwd(Path.of("/tmp")).model("a/b").build();
        assertThat(some.cwd()).contains(Path.of("/tmp"));
        assertThat(some.model()).contains("a/b");
        assertThat(some.toBuilder().build()).isEqualTo(some).hasSameHashCodeAs(some);

        AgentOptions agent = AgentOptions.builder().name("patch").build();
        assertThat(agent.name()).contains("patch");
        assertThat(agent.systemPrompt()).isEmpty();
        assertThat(agent.model()).isEmpty();

        MemoryBlock block = MemoryBlock.of("human", "Ada");
        assertThat(block.id()).isEmpty();
        assertThat(block.limit()).isEmpty();
        assertThat(block.description()).isEmpty();
        assertThat(block.withDescription("who").description()).contains("who");

        assertThat(PageRequest.first(5).startingAfter("m-9").after()).contains("m-9");
        assertThat(PageRequest.first(5).startingAfter("m-9").endingBefore("m-1").after()).isEmpty();
        assertThat(PermissionDecision.allow().updatedInput()).isEmpty();
        assertThat(BASH.blockedPath()).isEmpty();
    }

    @Test
    void modelEntriesOfOneHandleDifferByIdAndAnUnknownWindowIsEmpty() {
        ModelEntry low = ModelEntry.builder("gpt-5-low", "openai/gpt-5").build();
        ModelEntry high = ModelEntry.builder("gpt-5-high", "openai/gpt-5").contextWindow(272_000).build();

        assertThat(low).isNotEqualTo(high);
        assertThat(low.contextWindow()).isEmpty();
        assertThat(high.contextWindow()).hasValue(272_000);
        assertThat(low.displayName()).isEqualTo("openai/gpt-5");
    }

    /** The sample of {@link SessionEvent}'s Javadoc, over a list instead of a stream. */
    @Test
    void sessionEventJavadocSampleCompilesAndReadsTheError() {
        StringBuilder err = new StringBuilder();
        for (SessionEvent e : List.<SessionEvent>of(Results.failure(ErrorCode.ERROR, "boom", null, "conv-1"))) {
            if (e instanceof AssistantMessage m) System.out.print(m.content());
            else if (e instanceof Result r && !r.success())
                err.append(r.errorDetail().or(r::error).orElse("failed"));
        }
        assertThat(err).hasToString("boom");
    }

    @Test
    void eventsAndResourceInfosReturnAbsentPartsEmpty() {
        assertThat(new AssistantMessage("m-1", "hi", null).runId()).isEmpty();
        assertThat(new ErrorEvent("boom", null, null, "run-1").runId()).contains("run-1");
        assertThat(new ErrorEvent("boom", null, null, null).detail()).isEmpty();
        assertThat(new AgentInfo("agent-1", null, null, null, null, null, null, null).name()).isEmpty();
        assertThat(new MessageRecord("m-1", "user_message", null, null, null).text()).isEmpty();
        assertThat(new MessageRecord("m-1", "user_message", null, null, null).extras()).isEmpty();
        assertThat(new QueuedMessage("q-1", "cm-1", "message", "user", null).clientMessageId()).contains("cm-1");
        assertThat(new AssistantMessage("m-1", "hi", "run-1")).isEqualTo(new AssistantMessage("m-1", "hi", "run-1"))
                .hasSameHashCodeAs(new AssistantMessage("m-1", "hi", "run-1"));
    }

    @Test
    void aMessageRecordsExtrasAreADeepCopyOfPlainJsonValues() {
        List<Object> depth = new ArrayList<>(List.of(1, 2));
        Map<String, Object> extras = new LinkedHashMap<>(Map.of("future", Map.of("depth", depth)));
        extras.put("otid", null);
        MessageRecord record = new MessageRecord("m-1", "user_message", "hi", null, null, extras);
        depth.add(3);

        assertThat(record.extras()).containsEntry("otid", null).containsEntry("future", Map.of("depth", List.of(1, 2)));
        assertThat(record).isEqualTo(new MessageRecord("m-1", "user_message", "hi", null, null, record.extras()))
                .isNotEqualTo(new MessageRecord("m-1", "user_message", "hi", null, null));
        assertThatThrownBy(() -> new MessageRecord("m-1", "user_message", null,
                null, null, Map.of("when", Instant.EPOCH)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MessageRecord.extras.when");
    }
}
