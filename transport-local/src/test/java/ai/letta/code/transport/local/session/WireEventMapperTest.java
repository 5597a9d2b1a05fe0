package ai.letta.code.transport.local.session;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.QueueUpdate;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.testkit.sink.RecordingSink;
import ai.letta.code.transport.local.wire.NdjsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireEventMapperTest {

    private final NdjsonCodec codec = new NdjsonCodec();
    private final RecordingSink sink = new RecordingSink();
    private final QueueModel queue = new QueueModel();
    private final List<String> replies = new ArrayList<>();
    private int turnsEnded;

    private void feed(boolean partial, String... lines) {
        WireEventMapper mapper = new WireEventMapper(sink, codec, queue, replies::add, partial, () -> turnsEnded++);
        for (String line : lines) {
            mapper.accept(codec.decode(line));
        }
    }

    private static String assistant(String id, String text) {
        return "{\"type\":\"message\",\"message_type\":\"assistant_message\",\"id\":\"" + id + "\",\"run_id\":\"r1\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}";
    }

    /** Issue 12 item 5: a provider's error that echoes the request's key reached the user whole. */
    @Test
    void anErrorThatEchoesACredentialIsHiddenInTheEventAndTheResult() {
        feed(false, "{\"type\":\"error\",\"message\":\"401 from provider: Authorization: Bearer sk-let-abcdef123456\","
                        + "\"stop_reason\":\"llm_api_error\",\"api_error\":{\"detail\":\"api_key=s3cr3tvalue\"}}",
                "{\"type\":\"result\",\"subtype\":\"error\",\"result\":null,\"stop_reason\":\"error\"}");

        assertThat(sink.all(ErrorEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("401 from provider").doesNotContain("abcdef123456");
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).doesNotContain("s3cr3tvalue"));
        });
        assertThat(sink.all(Result.class)).singleElement().satisfies(r -> {
            assertThat(r.error()).hasValueSatisfying(t -> assertThat(t).doesNotContain("abcdef123456"));
            assertThat(r.errorDetail()).hasValueSatisfying(t -> assertThat(t).doesNotContain("s3cr3tvalue"));
        });
    }

    /** Issue 12 item 3: a blank tool name threw inside the stdout reader and the session looked dead. */
    @Test
    void aPermissionRequestWithoutAToolNameIsAnErrorEventAndADenialTheCliHears() {
        feed(false, "{\"type\":\"control_request\",\"request_id\":\"perm-1\",\"request\":{\"subtype\":"
                + "\"can_use_tool\",\"tool_name\":\"\",\"input\":{}}}");

        assertThat(sink.permissions()).isEmpty();
        assertThat(sink.all(ErrorEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
            assertThat(e.message()).contains("without a name");
        });
        assertThat(replies).singleElement().satisfies(reply -> assertThat(reply)
                .contains("\"request_id\":\"perm-1\"").contains("\"behavior\":\"deny\""));
    }

    @Test
    void chunksSharingAnIdBecomeOneMessageBeforeTheResult() {
        feed(false, "{\"type\":\"message\",\"message_type\":\"reasoning_message\",\"id\":\"r\",\"reasoning\":\"hm\"}",
                assistant("a1", "po"), assistant("a1", "ng"), assistant("a2", "!"),
                "{\"type\":\"message\",\"message_type\":\"stop_reason\",\"stop_reason\":\"end_turn\"}",
                "{\"type\":\"result\",\"subtype\":\"success\",\"result\":\"pong!\",\"num_turns\":1}");
        List<SessionEvent> events = sink.events();
        assertThat(events).extracting(SessionEvent::type)
                .containsExactly("reasoning", "assistant", "assistant", "result");
        assertThat(((Reasoning) events.get(0)).content()).isEqualTo("hm");
        assertThat(((AssistantMessage) events.get(1)).content()).isEqualTo("pong");
        assertThat(((Result) events.get(3)).stopReason()).contains(StopReason.END_TURN);
    }

    @Test
    void partialMessagesAddChunkEventsAndKeepTheJoinedMessage() {
        feed(true, "{\"type\":\"stream_event\",\"event\":" + assistant("a1", "po").replace("{\"type\":\"message\",", "{")
                + "}", "{\"type\":\"stream_event\",\"event\":" + assistant("a1", "ng").replace("{\"type\":\"message\",",
                "{") + "}", "{\"type\":\"result\",\"subtype\":\"success\"}");
        assertThat(sink.all(PartialEvent.class)).extracting(PartialEvent::delta).containsExactly("po", "ng");
        assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content).containsExactly("pong");
    }

    @Test
    void aToolCallWhoseArgumentsAreNoJsonObjectCarriesThemRaw() {
        feed(false, "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_call\":{\"name\":\"Bash\","
                + "\"tool_call_id\":\"c1\",\"arguments\":\"{\\\"pa\"}}");
        assertThat(sink.all(ToolCall.class)).singleElement()
                .satisfies(c -> assertThat(c.toolInput()).isEqualTo(java.util.Map.of("raw", "{\"pa")));
    }

    @Test
    void toolCallsAndResultsAreDeduplicatedAndDeltasResolveTheirId() {
        feed(false, "{\"type\":\"message\",\"message_type\":\"approval_request_message\",\"tool_calls\":[{\"id\":\"c1\","
                        + "\"index\":0,\"function\":{\"name\":\"Bash\",\"arguments\":\"{}\"}}]}",
                "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_call\":{\"name\":\"Bash\","
                        + "\"tool_call_id\":\"c1\",\"arguments\":\"{\\\"command\\\":\\\"ls\\\"}\"}}",
                "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_calls\":[{\"index\":0,"
                        + "\"function\":{\"name\":\"Bash\"}}]}",
                "{\"type\":\"message\",\"message_type\":\"tool_call_message\",\"tool_call\":{\"name\":\"Bash\"}}",
                "{\"type\":\"message\",\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                        + "\"tool_return\":\"out\",\"status\":\"error\"}",
                "{\"type\":\"message\",\"message_type\":\"tool_return_message\",\"tool_call_id\":\"c1\","
                        + "\"tool_return\":\"out\",\"status\":\"error\"}");
        assertThat(sink.all(ToolCall.class)).extracting(ToolCall::toolCallId).containsExactly("c1");
        assertThat(sink.all(ToolResult.class)).singleElement().satisfies(r -> assertThat(r.isError()).isTrue());
        assertThat(sink.all(ErrorEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR));
    }

    @Test
    void aFailedResultIsBackFilledFromThePrecedingError() {
        feed(false, "{\"type\":\"error\",\"message\":\"provider down\",\"stop_reason\":\"llm_api_error\","
                        + "\"api_error\":{\"error_type\":\"internal\",\"detail\":\"HTTP 503 from provider\"}}",
                "{\"type\":\"result\",\"subtype\":\"error\",\"result\":null,\"stop_reason\":\"error\"}");
        Result result = sink.all(Result.class).get(0);
        assertThat(result.status()).isEqualTo(Result.Status.ERROR);
        assertThat(result.errorCode()).contains(ErrorCode.LLM_API_ERROR);
        assertThat(result.error()).contains("provider down");
        assertThat(result.errorDetail()).contains("HTTP 503 from provider");
    }

    @Test
    void anInterruptedResultCarriesTheInterruptedCode() {
        feed(false, "{\"type\":\"result\",\"subtype\":\"interrupted\",\"result\":\"half\"}");
        Result result = sink.all(Result.class).get(0);
        assertThat(result.status()).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(result.errorCode()).contains(ErrorCode.INTERRUPTED);
        assertThat(result.result()).contains("half");
    }

    @Test
    void theQueueModelMapsMergedBatchesToTheEnginesIdsWithoutShowingThemAsWaiting() {
        queue.written("mine-1");
        queue.written("mine-2");
        feed(false, "{\"type\":\"queue_item_enqueued\",\"item_id\":\"q-1\",\"client_message_id\":\"cm-q-1\","
                        + "\"source\":\"user\",\"kind\":\"message\"}",
                "{\"type\":\"queue_item_enqueued\",\"item_id\":\"q-2\",\"source\":\"user\",\"kind\":\"message\"}",
                "{\"type\":\"queue_batch_dequeued\",\"batch_id\":\"b\",\"item_ids\":[\"q-1\",\"q-2\"],"
                        + "\"merged_count\":2}");
        assertThat(sink.turns()).containsExactly(new RecordingSink.TurnStarted(List.of("mine-1", "mine-2"), 2));
        // A user line the channel wrote is starting, not waiting: it never shows in a queue update.
        assertThat(sink.all(QueueUpdate.class)).isEmpty();
    }

    @Test
    void heldMessagesAndTheClisOwnItemsShowInTheQueue() {
        queue.hold("held-1", "{}", "later please");
        feed(false, "{\"type\":\"queue_item_enqueued\",\"item_id\":\"q-7\",\"client_message_id\":\"cm-q-7\","
                        + "\"source\":\"task_notification\",\"kind\":\"task_notification\"}",
                "{\"type\":\"queue_batch_dequeued\",\"batch_id\":\"b\",\"item_ids\":[\"q-7\"],\"merged_count\":1}");
        List<QueueUpdate> updates = sink.all(QueueUpdate.class);
        assertThat(updates.get(0).queue()).extracting(q -> q.id()).containsExactly("q-7", "held-1");
        assertThat(updates.get(1).queue()).extracting(q -> q.id()).containsExactly("held-1");
        assertThat(queue.removeHeld("held-1")).isTrue();
        assertThat(queue.snapshot().queue()).isEmpty();
    }

    @Test
    void aResultEndsTheTurnForTheChannel() {
        feed(false, "{\"type\":\"result\",\"subtype\":\"success\",\"result\":\"ok\"}");
        assertThat(turnsEnded).isEqualTo(1);
    }

    @Test
    void anUnservedControlRequestIsRefusedSoTheCliDoesNotHang() {
        feed(false, "{\"type\":\"control_request\",\"request_id\":\"x9\",\"request\":{\"subtype\":"
                + "\"execute_external_tool\",\"tool_name\":\"t\"}}");
        assertThat(replies).singleElement().asString().contains("\"subtype\":\"error\"").contains("\"x9\"");
    }
}
