package ai.letta.code.testkit.fakemodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import ai.letta.code.testkit.script.ScriptPart;
import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.StepEnding;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link TurnScript.Step} as an OpenAI chat-completions stream (offline-peers.md §4.6): a role chunk,
 * one chunk per part ({@code reasoning_content}, {@code content}, and a {@code tool_calls} header plus an
 * arguments chunk per call), a {@code finish_reason} chunk, a usage chunk ({@code choices: []}) and
 * {@code data: [DONE]}. Not thread-safe; one renderer per step.
 */
final class ChatCompletionsRenderer {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String completionId;
    private final long created = System.currentTimeMillis() / 1000;
    private final TurnRequest request;
    private final Supplier<String> toolCallIds;
    private final List<SseFrame> frames = new ArrayList<>();

    ChatCompletionsRenderer(String completionId, TurnRequest request, Supplier<String> toolCallIds) {
        this.completionId = completionId;
        this.request = request;
        this.toolCallIds = toolCallIds;
    }

    /** The frames for {@code step}; its ending must not be an {@link StepEnding.HttpError}. */
    List<SseFrame> render(TurnScript.Step step) {
        frames.add(chunk(JSON.createObjectNode().put("role", "assistant"), null));
        int toolIndex = 0;
        for (ScriptPart part : step.parts()) {
            if (part instanceof ScriptPart.Reasoning reasoning) {
                frames.add(chunk(JSON.createObjectNode().put("reasoning_content", reasoning.text()), null));
            } else if (part instanceof ScriptPart.AssistantText text) {
                frames.add(chunk(JSON.createObjectNode().put("content", text.text()), null));
            } else if (part instanceof ScriptPart.AssistantTextFrom text) {
                frames.add(chunk(JSON.createObjectNode().put("content", text.text().apply(request)), null));
            } else if (part instanceof ScriptPart.ToolCall call) {
                addToolCall(toolIndex++, call);
            } else if (part instanceof ScriptPart.Pause pause) {
                frames.add(new SseFrame.Pause(pause.duration()));
            } else if (part instanceof ScriptPart.AwaitGate gate) {
                frames.add(new SseFrame.Await(gate.gate()));
            }
        }
        StepEnding ending = step.ending();
        if (ending instanceof StepEnding.Stop stop) {
            frames.add(chunk(JSON.createObjectNode(), finishReason(stop.stopReason())));
            ObjectNode usage = envelope();
            usage.putArray("choices");
            usage.set("usage", usage());
            frames.add(SseFrame.Event.data(usage.toString()));
            frames.add(SseFrame.Event.data("[DONE]"));
        } else if (ending instanceof StepEnding.StreamError error) {
            // OpenAI-compatible servers report a failure inside the stream as a data frame with "error".
            frames.add(SseFrame.Event.data(errorBody(error.errorType(), error.message(), null).toString()));
        } else if (ending instanceof StepEnding.Stall) {
            frames.add(new SseFrame.Hold());
        } else if (ending instanceof StepEnding.Drop) {
            frames.add(new SseFrame.Drop());
        } else {
            throw new IllegalArgumentException("not a streamed ending: " + ending);
        }
        return frames;
    }

    /** OpenAI's error body: {@code {"error": {"message", "type", "code"}}}. */
    static ObjectNode errorBody(String type, String message, String code) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("code", code);
        return body;
    }

    /** Maps a Letta stop reason onto a chat-completions finish reason. */
    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case StepEnding.REQUIRES_APPROVAL -> "tool_calls";
            case "max_tokens_exceeded" -> "length";
            default -> "stop";
        };
    }

    private void addToolCall(int index, ScriptPart.ToolCall call) {
        String id = call.id() != null ? call.id() : toolCallIds.get();
        ObjectNode header = JSON.createObjectNode();
        ArrayNode calls = header.putArray("tool_calls");
        ObjectNode first = calls.addObject().put("index", index).put("id", id).put("type", "function");
        first.putObject("function").put("name", call.name()).put("arguments", "");
        frames.add(chunk(header, null));
        ObjectNode arguments = JSON.createObjectNode();
        arguments.putArray("tool_calls").addObject().put("index", index).putObject("function")
                .put("arguments", JSON.writeValueAsString(call.arguments()));
        frames.add(chunk(arguments, null));
    }

    private SseFrame chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = envelope();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return SseFrame.Event.data(chunk.toString());
    }

    private ObjectNode envelope() {
        return JSON.createObjectNode().put("id", completionId).put("object", "chat.completion.chunk")
                .put("created", created).put("model", request.model());
    }

    private static ObjectNode usage() {
        return JSON.createObjectNode().put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    }
}
