package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.api.message.ToolApproval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the messages endpoints, as the OpenAPI document shapes them: {@code LettaStreamingRequest}
 * (agent send and stream), {@code ConversationMessageRequest} (conversation send and stream), {@code
 * LettaAsyncRequest}; a field the caller did not set is left out, so the server's default applies.
 */
final class MessageWire {

    /** How the body is sent: the flags that differ between the endpoints. */
    enum Mode {
        /** {@code POST /v1/agents/{id}/messages} or a conversation with {@code streaming: false}. */
        WHOLE,
        /** A streaming endpoint. */
        STREAM,
        /** {@code POST /v1/agents/{id}/messages/async}: neither {@code streaming} nor stream options exist. */
        ASYNC
    }

    private MessageWire() {
    }

    /**
     * @param request what the caller asked for
     * @param mode which endpoint it goes to
     * @param agentId the agent, for conversation {@code default} (its {@code agent_id}); {@code null} otherwise
     * @return the JSON body
     */
    static Map<String, Object> body(SendRequest request, Mode mode, String agentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Object> messages = new ArrayList<>();
        if (!request.approvals().isEmpty()) {
            messages.add(approvals(request.approvals()));
        }
        for (SendRequest.Message message : request.messages()) {
            Map<String, Object> create = new LinkedHashMap<>();
            create.put("type", "message");
            create.put("role", message.role().wireName());
            create.put("content", content(message.content()));
            messages.add(create);
        }
        body.put("messages", messages);
        request.maxSteps().ifPresent(steps -> body.put("max_steps", steps));
        request.overrideModel().ifPresent(model -> body.put("override_model", model));
        request.includeReturnMessageTypes().ifPresent(types -> body.put("include_return_message_types", types));
        if (request.includeCompactionMessages()) {
            body.put("include_compaction_messages", true);
        }
        if (agentId != null) {
            body.put("agent_id", agentId);
        }
        switch (mode) {
            case WHOLE -> body.put("streaming", false);
            case STREAM -> {
                body.put("streaming", true);
                if (request.streamTokens()) {
                    body.put("stream_tokens", true);
                }
                if (request.background()) {
                    body.put("background", true);
                }
            }
            case ASYNC -> {
                // LettaAsyncRequest has no streaming fields.
            }
        }
        return body;
    }

    /** {@code ApprovalCreate} with one {@code ApprovalReturn} per answer. */
    private static Map<String, Object> approvals(List<ToolApproval> approvals) {
        List<Object> answers = new ArrayList<>();
        for (ToolApproval approval : approvals) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", "approval");
            answer.put("tool_call_id", approval.toolCallId());
            answer.put("approve", approval.approve());
            if (approval.reason() != null) {
                answer.put("reason", approval.reason());
            }
            answers.add(answer);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "approval");
        message.put("approvals", answers);
        return message;
    }

    /** One text part as a plain string (what every Letta client sends); parts otherwise. */
    private static Object content(List<ContentPart> parts) {
        if (parts.size() == 1 && parts.get(0) instanceof ContentPart.Text text) {
            return text.text();
        }
        List<Object> content = new ArrayList<>();
        for (ContentPart part : parts) {
            Map<String, Object> wire = new LinkedHashMap<>();
            if (part instanceof ContentPart.Text text) {
                wire.put("type", "text");
                wire.put("text", text.text());
            } else if (part instanceof ContentPart.Image image) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("type", "base64");
                source.put("media_type", image.mediaType());
                source.put("data", image.base64());
                wire.put("type", "image");
                wire.put("source", source);
            }
            content.add(wire);
        }
        return content;
    }
}
