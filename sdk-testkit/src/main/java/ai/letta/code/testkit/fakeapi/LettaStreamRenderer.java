package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ai.letta.code.testkit.script.ScriptPart;
import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.StepEnding;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link TurnScript.Step} as the Letta streaming response (cloud.md §2.4, offline-peers.md §5.3): one
 * {@code data: <LettaMessage>} frame per part, then {@code stop_reason}, {@code usage_statistics} and
 * {@code data: [DONE]}. Consecutive chunks of reasoning or assistant text share one message id, as token
 * streaming does. A tool call becomes an {@code approval_request_message}; the Letta Code CLI runs client tools
 * only after such a request and a {@code requires_approval} stop. Not thread-safe; one renderer per step.
 */
final class LettaStreamRenderer {

    static final String DONE = "[DONE]";

    private final String runId;
    private final TurnRequest request;
    private final Supplier<String> toolCallIds;
    private final List<SseFrame> frames = new ArrayList<>();
    private String openMessageType;
    private String openMessageId;

    /**
     * @param toolCallIds issues {@code call_fake_<n>} for tool calls the script left without an id
     */
    LettaStreamRenderer(String runId, TurnRequest request, Supplier<String> toolCallIds) {
        this.runId = runId;
        this.request = request;
        this.toolCallIds = toolCallIds;
    }

    /** The frames for {@code step}; its ending must not be an {@link StepEnding.HttpError}. */
    List<SseFrame> render(TurnScript.Step step) {
        for (ScriptPart part : step.parts()) {
            if (part instanceof ScriptPart.Reasoning reasoning) {
                data(message("reasoning_message").put("reasoning", reasoning.text()));
            } else if (part instanceof ScriptPart.AssistantText text) {
                data(message("assistant_message").put("content", text.text()));
            } else if (part instanceof ScriptPart.AssistantTextFrom text) {
                data(message("assistant_message").put("content", text.text().apply(request)));
            } else if (part instanceof ScriptPart.ToolCall call) {
                data(approvalRequest(call));
            } else if (part instanceof ScriptPart.Pause pause) {
                frames.add(new SseFrame.Pause(pause.duration()));
            } else if (part instanceof ScriptPart.AwaitGate gate) {
                frames.add(new SseFrame.Await(gate.gate()));
            }
        }
        StepEnding ending = step.ending();
        if (ending instanceof StepEnding.Stop stop) {
            data(JSON.createObjectNode().put("message_type", "stop_reason").put("stop_reason", stop.stopReason())
                    .put("run_id", runId));
            data(JSON.createObjectNode().put("message_type", "usage_statistics").put("completion_tokens", 5)
                    .put("prompt_tokens", 10).put("total_tokens", 15).put("step_count", 1).put("run_id", runId));
            frames.add(SseFrame.Event.data(DONE));
        } else if (ending instanceof StepEnding.StreamError error) {
            ObjectNode body = JSON.createObjectNode().put("message_type", "error_message").put("run_id", runId)
                    .put("error_type", error.errorType()).put("message", error.message())
                    .put("detail", error.detail() == null ? error.message() : error.detail());
            if (error.errorEvent()) {
                // The Stainless client throws on "event: error"; nothing after it is read.
                frames.add(new SseFrame.Event("error", body.toString()));
            } else {
                data(body);
                data(JSON.createObjectNode().put("message_type", "stop_reason").put("stop_reason", "llm_api_error")
                        .put("run_id", runId));
                frames.add(SseFrame.Event.data(DONE));
            }
        } else if (ending instanceof StepEnding.Stall) {
            frames.add(new SseFrame.Hold());
        } else if (ending instanceof StepEnding.Drop) {
            frames.add(new SseFrame.Drop());
        } else {
            throw new IllegalArgumentException("not a streamed ending: " + ending);
        }
        return frames;
    }

    private ObjectNode approvalRequest(ScriptPart.ToolCall call) {
        String id = call.id() != null ? call.id() : toolCallIds.get();
        ObjectNode toolCall = JSON.createObjectNode().put("name", call.name())
                .put("arguments", JSON.writeValueAsString(call.arguments())).put("tool_call_id", id);
        ObjectNode message = message("approval_request_message");
        message.set("tool_call", toolCall);
        ArrayNode all = message.putArray("tool_calls");
        all.add(toolCall.deepCopy());
        openMessageType = null; // each tool call is its own message
        return message;
    }

    /** A message envelope; reuses the open id while the same kind of chunk continues. */
    private ObjectNode message(String messageType) {
        if (!messageType.equals(openMessageType)) {
            openMessageType = messageType;
            openMessageId = LettaStore.newId("message");
        }
        return JSON.createObjectNode().put("message_type", messageType).put("id", openMessageId)
                .put("date", LettaStore.now()).put("run_id", runId);
    }

    private void data(ObjectNode json) {
        frames.add(SseFrame.Event.data(json.toString()));
    }
}
