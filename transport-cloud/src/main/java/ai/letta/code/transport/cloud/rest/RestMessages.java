package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.MessageUpdate;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.message.RunInfo;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.api.message.ToolApproval;
import ai.letta.code.internal.Checks;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.transport.cloud.http.ApiRequest;
import ai.letta.code.transport.cloud.http.EventSource;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.StreamLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@link Messages} over the Letta REST API. Every input is checked before anything is sent; sends are POSTs the
 * client never retries. Streams run on {@link LettaHttp#stream}, bounded by the {@link StreamLimits} given
 * (by default the client's {@code requestTimeout} for the headers and between events). Thread-safe.
 */
public final class RestMessages implements Messages {

    private final LettaHttp http;
    private final StreamLimits limits;

    /**
     * @param http the client to send with
     * @param limits the bounds of each stream
     */
    public RestMessages(LettaHttp http, StreamLimits limits) {
        this.http = Checks.requireNonNull(http, "http");
        this.limits = Checks.requireNonNull(limits, "limits");
    }

    @Override
    public MessageResponse send(String agentId, SendRequest request) {
        String agent = agentId(agentId);
        Checks.requireNonNull(request, "request");
        JsonNode answer = onAgent(agent, () -> http.call(ApiRequest.post("v1", "agents", agent, "messages")
                .body(MessageWire.body(request, MessageWire.Mode.WHOLE, null)).build(), JsonNode.class));
        return MessageDecoding.response(answer);
    }

    @Override
    public MessageStream stream(String agentId, SendRequest request) {
        String agent = agentId(agentId);
        Checks.requireNonNull(request, "request");
        ApiRequest post = ApiRequest.post("v1", "agents", agent, "messages", "stream")
                .body(MessageWire.body(request, MessageWire.Mode.STREAM, null)).build();
        EventSource source = onAgent(agent, () -> http.stream(post, limits));
        return new RestMessageStream(source, post + " on the Letta API at " + http.baseUrl(),
                run -> http.send(ApiRequest.post("v1", "agents", agent, "messages", "cancel")
                        .body(cancelBody(run.map(List::of).orElse(List.of()))).build()));
    }

    @Override
    public MessageResponse sendToConversation(String conversationId, SendRequest request) {
        Target target = Target.of(conversationId);
        Checks.requireNonNull(request, "request");
        JsonNode answer = target.onConversation(http, () -> http.call(ApiRequest.post("v1", "conversations",
                target.pathId(), "messages").body(MessageWire.body(request, MessageWire.Mode.WHOLE,
                        target.agentId())).build(), JsonNode.class));
        return MessageDecoding.response(answer);
    }

    @Override
    public MessageStream streamToConversation(String conversationId, SendRequest request) {
        Target target = Target.of(conversationId);
        Checks.requireNonNull(request, "request");
        ApiRequest post = ApiRequest.post("v1", "conversations", target.pathId(), "messages")
                .body(MessageWire.body(request, MessageWire.Mode.STREAM, target.agentId())).build();
        EventSource source = target.onConversation(http, () -> http.stream(post, limits));
        return new RestMessageStream(source, post + " on the Letta API at " + http.baseUrl(),
                run -> http.send(ApiRequest.post("v1", "conversations", target.pathId(), "cancel")
                        .query("agent_id", target.agentId()).build()));
    }

    @Override
    public MessageStream reattach(String conversationId, String runId) {
        Target target = Target.of(conversationId);
        String run = Checks.requireId(runId, "runId", "run");
        Map<String, Object> body = new LinkedHashMap<>();
        if (target.agentId() != null) {
            body.put("agent_id", target.agentId());
        }
        body.put("run_id", run);
        body.put("starting_after", 0);
        ApiRequest post = ApiRequest.post("v1", "conversations", target.pathId(), "stream").body(body).build();
        // A 404 here means "nothing streaming to attach to", not an unknown conversation: left as the server said.
        EventSource source = http.stream(post, limits);
        return new RestMessageStream(source, post + " on the Letta API at " + http.baseUrl(),
                ignored -> http.send(ApiRequest.post("v1", "conversations", target.pathId(), "cancel")
                        .query("agent_id", target.agentId()).build()));
    }

    @Override
    public MessageResponse answerApprovals(String conversationId, List<ToolApproval> approvals) {
        Target.of(conversationId);
        Checks.requireNonNull(approvals, "approvals");
        if (approvals.isEmpty()) {
            throw new ConfigurationException("approvals must hold at least one ToolApproval");
        }
        SendRequest.Builder request = SendRequest.builder();
        approvals.forEach(request::approval);
        return sendToConversation(conversationId, request.build());
    }

    @Override
    public RunInfo sendAsync(String agentId, SendRequest request) {
        String agent = agentId(agentId);
        Checks.requireNonNull(request, "request");
        return MessageDecoding.run(onAgent(agent, () -> http.call(ApiRequest.post("v1", "agents", agent, "messages",
                "async").body(MessageWire.body(request, MessageWire.Mode.ASYNC, null)).build(), JsonNode.class)));
    }

    @Override
    public RunInfo run(String runId) {
        String id = Checks.requireId(runId, "runId", "run");
        return MessageDecoding.run(http.call(ApiRequest.get("v1", "runs", id).build(), JsonNode.class));
    }

    @Override
    public Page<MessageRecord> list(String agentId, PageRequest page) {
        String agent = agentId(agentId);
        Checks.requireNonNull(page, "page");
        JsonNode[] answer = onAgent(agent, () -> http.call(RestPages.query(ApiRequest.get("v1", "agents", agent,
                "messages"), page).build(), JsonNode[].class));
        return RestPages.of(RestPages.items(answer).stream().map(WireMapping::message).toList(), page,
                MessageRecord::id, next -> list(agent, next));
    }

    @Override
    public MessageRecord update(String agentId, String messageId, MessageUpdate update) {
        String agent = agentId(agentId);
        String message = Checks.requireId(messageId, "messageId", "message");
        Checks.requireNonNull(update, "update");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_type", update.messageType());
        body.put(update.messageType().equals("reasoning_message") ? "reasoning" : "content", update.text());
        return WireMapping.message(http.call(ApiRequest.patch("v1", "agents", agent, "messages", message).body(body)
                .build(), JsonNode.class));
    }

    @Override
    public void reset(String agentId, boolean addDefaultInitialMessages) {
        String agent = agentId(agentId);
        onAgent(agent, () -> {
            http.send(ApiRequest.patch("v1", "agents", agent, "reset-messages")
                    .body(Map.of("add_default_initial_messages", addDefaultInitialMessages)).build());
            return null;
        });
    }

    @Override
    public Map<String, String> cancel(String agentId, List<String> runIds) {
        String agent = agentId(agentId);
        Checks.requireNonNull(runIds, "runIds");
        List<String> ids = new ArrayList<>();
        for (String runId : runIds) {
            ids.add(Checks.requireId(runId, "runIds entry", "run"));
        }
        JsonNode answer = onAgent(agent, () -> http.call(ApiRequest.post("v1", "agents", agent, "messages", "cancel")
                .body(cancelBody(ids)).build(), JsonNode.class));
        Map<String, String> outcome = new LinkedHashMap<>();
        if (answer != null) {
            answer.propertyStream().forEach(e -> outcome.put(e.getKey(), e.getValue().isString()
                    ? e.getValue().stringValue() : e.getValue().toString()));
        }
        return outcome;
    }

    @Override
    public String toString() {
        return "RestMessages[" + http.baseUrl() + "]";
    }

    private static Map<String, Object> cancelBody(List<String> runIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_ids", runIds.isEmpty() ? null : runIds);
        return body;
    }

    private static String agentId(String agentId) {
        return Checks.requireId(agentId, "agentId", "agent");
    }

    private <T> T onAgent(String agentId, Supplier<T> call) {
        try {
            return call.get();
        } catch (AgentNotFoundException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new AgentNotFoundException("agent " + agentId + " is not known to the Letta API at "
                    + http.baseUrl() + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A conversation as the path names it: its own id, or {@code default} with {@code agent_id} for an agent's
     * main thread.
     */
    private record Target(String id, boolean agent) {

        static Target of(String conversationId) {
            String id = Checks.requireText(conversationId, "conversationId").strip();
            if (SessionTarget.isAgentId(id)) {
                return new Target(Checks.requireId(id, "conversationId", "agent"), true);
            }
            return new Target(Checks.requireId(id, "conversationId", "conv"), false);
        }

        String pathId() {
            return agent ? ControlPlane.DEFAULT_CONVERSATION : id;
        }

        String agentId() {
            return agent ? id : null;
        }

        <T> T onConversation(LettaHttp http, Supplier<T> call) {
            try {
                return call.get();
            } catch (ConversationNotFoundException e) {
                throw e;
            } catch (NotFoundException e) {
                throw new ConversationNotFoundException((agent ? "agent " : "conversation ") + id
                        + " is not known to the Letta API at " + http.baseUrl() + " (" + e.getMessage() + ")", e);
            }
        }
    }

}
