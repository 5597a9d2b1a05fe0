package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ai.letta.code.testkit.script.ScriptQueue;
import ai.letta.code.testkit.script.SseFrame;
import ai.letta.code.testkit.script.SsePlayer;
import ai.letta.code.testkit.script.StepEnding;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the turn endpoints ({@code POST /v1/conversations/{id}/messages}, the agent-level
 * {@code /v1/agents/{id}/messages[/stream]} and the stream re-attach endpoints) from the {@link ScriptQueue}:
 * records what the client sent in the history, picks the step, renders it and plays it, keeping the run and the
 * history in step with what was actually sent.
 */
final class TurnEndpoint {

    private final LettaStore store;
    private final ConversationStore conversations;
    private final ScriptQueue scripts;
    private final AtomicInteger toolCallCounter = new AtomicInteger();
    private final List<TurnRequest> answered = new CopyOnWriteArrayList<>();

    TurnEndpoint(LettaStore store, ConversationStore conversations, ScriptQueue scripts) {
        this.store = store;
        this.conversations = conversations;
        this.scripts = scripts;
    }

    /** {@code POST /v1/conversations/{conversation_id}/messages}; streams unless {@code streaming:false}. */
    void conversationMessages(ApiCall call) {
        Optional<Target> target = target(call, call.path("conversation_id"));
        target.ifPresent(t -> turn(call, t, call.body().path("streaming").asBoolean(true)));
    }

    /** {@code POST /v1/agents/{agent_id}/messages[/stream]}: the agent's default conversation. */
    void agentMessages(ApiCall call, boolean streamByDefault) {
        String agentId = call.path("agent_id");
        if (!store.hasAgent(agentId)) {
            call.notFound("Agent " + agentId);
            return;
        }
        turn(call, new Target(agentId, "default", ConversationStore.defaultKey(agentId)),
                call.body().path("streaming").asBoolean(streamByDefault));
    }

    /**
     * {@code POST /v1/agents/{agent_id}/messages/async}: the turn runs at once as a non-streaming one would (its
     * messages land in the history), and the answer is its {@code Run}, already finished.
     */
    void agentAsync(ApiCall call) {
        String agentId = call.path("agent_id");
        if (!store.hasAgent(agentId)) {
            call.notFound("Agent " + agentId);
            return;
        }
        Target target = new Target(agentId, "default", ConversationStore.defaultKey(agentId));
        JsonNode body = call.body();
        TurnRequest request = LettaTurnRequests.parse(target.conversationId(), modelOf(target), body, call.request());
        LettaTurnRequests.historyEntries(body).forEach(entry -> conversations.append(target.key(), entry));
        answered.add(request);
        TurnScript.Step step = scripts.next(target.key(), request);
        if (step.ending() instanceof StepEnding.HttpError error) {
            call.exchange().respondJson(error.status(), errorBody(error));
            return;
        }
        String runId = conversations.startRun(agentId, target.conversationId()).get("id").stringValue();
        whole(target, new LettaStreamRenderer(runId, request, this::nextToolCallId).render(step), runId);
        call.ok(conversations.run(runId).orElseThrow());
    }

    /**
     * {@code POST /v1/conversations/{id}/stream} and {@code /v1/runs/{id}/stream}: a client re-attaching after a
     * dropped or failed stream. The conversation's active script answers with its next step when it has one
     * (so a script can say what the re-attached stream shows); otherwise there is nothing to resume: 404, as for
     * a run that is no longer streaming. A resume never starts a new script.
     */
    void resume(ApiCall call, Target target) {
        Optional<TurnScript.Step> step = scripts.continueActive(target.key());
        if (step.isEmpty()) {
            call.error(404, "No active stream to resume for conversation " + target.conversationId());
            return;
        }
        String model = modelOf(target);
        TurnRequest request = LettaTurnRequests.parse(target.conversationId(), model, call.body(), call.request());
        answered.add(request);
        play(call, target, request, step.get(), true);
    }

    /** Every turn request answered so far, parsed, oldest first. */
    List<TurnRequest> answered() {
        return List.copyOf(answered);
    }

    /** Resolves the conversation of a path ({@code default} needs {@code agent_id} in the body or query). */
    Optional<Target> target(ApiCall call, String conversationId) {
        if (conversationId.equals("default")) {
            String agentId = call.body().path("agent_id").asString(call.query("agent_id").orElse(""));
            if (!store.hasAgent(agentId)) {
                call.error(422, "agent_id is required for the default conversation (got '" + agentId + "')");
                return Optional.empty();
            }
            return Optional.of(new Target(agentId, "default", ConversationStore.defaultKey(agentId)));
        }
        if (!store.hasAgent(conversationId) && conversationId.startsWith("agent-")) {
            call.notFound("Agent " + conversationId);
            return Optional.empty();
        }
        if (store.hasAgent(conversationId)) {
            // Letta Code addresses an agent's main thread by the agent id in some paths (cloud.md §2.2).
            return Optional.of(new Target(conversationId, "default", ConversationStore.defaultKey(conversationId)));
        }
        Optional<ObjectNode> conversation = conversations.get(conversationId);
        if (conversation.isEmpty()) {
            call.notFound("Conversation " + conversationId);
            return Optional.empty();
        }
        return Optional.of(new Target(conversation.get().path("agent_id").asString(), conversationId,
                conversationId));
    }

    private void turn(ApiCall call, Target target, boolean streaming) {
        JsonNode body = call.body();
        String model = modelOf(target);
        TurnRequest request = LettaTurnRequests.parse(target.conversationId(), model, body, call.request());
        LettaTurnRequests.historyEntries(body).forEach(entry -> conversations.append(target.key(), entry));
        answered.add(request);
        play(call, target, request, scripts.next(target.key(), request), streaming);
    }

    private void play(ApiCall call, Target target, TurnRequest request, TurnScript.Step step, boolean streaming) {
        if (step.ending() instanceof StepEnding.HttpError error) {
            call.exchange().respondJson(error.status(), errorBody(error));
            return;
        }
        String runId = conversations.startRun(target.agentId(), target.conversationId()).get("id").stringValue();
        List<SseFrame> frames = new LettaStreamRenderer(runId, request, this::nextToolCallId).render(step);
        if (streaming) {
            call.exchange().stream(frames, step.chunkDelay(), new Recorder(target, step, runId));
        } else {
            respondWhole(call, target, frames, runId);
        }
    }

    /** {@code streaming:false}: the same messages as one {@code LettaResponse}, delays and faults ignored. */
    private void respondWhole(ApiCall call, Target target, List<SseFrame> frames, String runId) {
        call.ok(whole(target, frames, runId));
    }

    /** The frames as one {@code LettaResponse}, the messages recorded and the run finished. */
    private ObjectNode whole(Target target, List<SseFrame> frames, String runId) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode messages = response.putArray("messages");
        for (SseFrame frame : frames) {
            if (frame instanceof SseFrame.Event event && !event.data().equals(LettaStreamRenderer.DONE)) {
                ObjectNode message = (ObjectNode) JSON.readTree(event.data());
                switch (message.path("message_type").asString()) {
                    case "stop_reason" -> response.set("stop_reason", message);
                    case "usage_statistics" -> response.set("usage", message);
                    default -> {
                        messages.add(message);
                        conversations.append(target.key(), message);
                    }
                }
            }
        }
        conversations.finishRun(runId, "completed", response.path("stop_reason").path("stop_reason").asString(null));
        return response;
    }

    private static JsonNode errorBody(StepEnding.HttpError error) {
        if (error.code() == null) {
            return JSON.createObjectNode().put("detail", error.message());
        }
        ObjectNode detail = JSON.createObjectNode().put("code", error.code()).put("message", error.message());
        detail.putNull("pending_request_id");
        ObjectNode body = JSON.createObjectNode();
        body.set("detail", detail);
        return body;
    }

    /** The conversation's own model (set by {@code PATCH /v1/conversations/{id}}), else its agent's. */
    private String modelOf(Target target) {
        String own = conversations.get(target.key()).map(c -> c.path("model").asString("")).orElse("");
        return own.isEmpty() ? store.agent(target.agentId()).map(a -> a.path("model").asString()).orElse("") : own;
    }

    private String nextToolCallId() {
        return "call_fake_" + toolCallCounter.incrementAndGet();
    }

    /** A conversation a turn runs on: its agent, its id as the client named it, and its history key. */
    record Target(String agentId, String conversationId, String key) {
    }

    /** Keeps history and run status in step with what the player actually sent. */
    private final class Recorder implements SsePlayer.Listener {
        private final Target target;
        private final TurnScript.Step step;
        private final String runId;
        private String stopReason;

        Recorder(Target target, TurnScript.Step step, String runId) {
            this.target = target;
            this.step = step;
            this.runId = runId;
        }

        @Override
        public void sent(SseFrame.Event event) {
            if (event.data().equals(LettaStreamRenderer.DONE)) {
                return;
            }
            JsonNode message = JSON.readTree(event.data());
            String type = message.path("message_type").asString();
            if (type.equals("stop_reason")) {
                stopReason = message.path("stop_reason").asString();
            } else if (!type.equals("usage_statistics")) {
                conversations.append(target.key(), (ObjectNode) message);
            }
        }

        @Override
        public void finished(SsePlayer.Outcome outcome) {
            switch (outcome) {
                case COMPLETED -> conversations.finishRun(runId,
                        step.ending() instanceof StepEnding.StreamError ? "failed" : "completed", stopReason);
                case DROPPED -> conversations.finishRun(runId, "failed", null);
                case DISCONNECTED -> {
                    // The client gave up on this stream (interrupt): the rest of its script must not leak into
                    // the next turn.
                    scripts.abandon(target.key(), step);
                    conversations.finishRun(runId, "cancelled", "cancelled");
                }
            }
        }
    }
}
