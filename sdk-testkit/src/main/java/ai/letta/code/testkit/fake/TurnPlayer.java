package ai.letta.code.testkit.fake;

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
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.testkit.fake.PeerLoop.Halt;
import ai.letta.code.testkit.fake.PeerLoop.Queued;
import ai.letta.code.testkit.script.ScriptPart;
import ai.letta.code.testkit.script.StepEnding;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays one turn of a session on the peer thread: asks the {@link ai.letta.code.testkit.script.ScriptQueue} for each
 * step, streams its parts as domain events (assistant chunks joined into one message), asks for permission and runs
 * the tools, feeds tool results back as the next request, and ends with exactly one {@link Result}. Transport faults
 * ({@link Fault}) are applied as events go out.
 */
final class TurnPlayer {

    private final InMemoryChannel session;
    private final PeerLoop loop;
    private Fault fault;
    private int delivered;
    private String lastAssistant;
    private String lastReasoning;
    private String lastToolOutput;

    TurnPlayer(InMemoryChannel session, PeerLoop loop) {
        this.session = session;
        this.loop = loop;
    }

    /** Plays a batch; returns its result, or throws {@link Halt} when the peer went away. */
    Result play(List<Queued> batch) throws Halt {
        long started = System.nanoTime();
        fault = session.transport().takeFault();
        delivered = 0;
        lastAssistant = lastReasoning = lastToolOutput = null;
        session.pump().turnStarted(batch.stream().map(Queued::clientMessageId).toList(), batch.size());
        if (batch.stream().anyMatch(Queued::shown)) {
            session.pump().event(new QueueUpdate(List.of()));
        }
        String text = batch.stream().map(q -> q.message().plainText()).collect(Collectors.joining("\n"));
        session.history("user_message", text, null);
        TurnScript.Step step = null;
        List<String> runIds = new ArrayList<>();
        try {
            afterEvent();
            if (fault instanceof Fault.GarbageEvent garbage) {
                emit(new ErrorEvent("undecodable frame from the peer", ErrorCode.PROTOCOL_ERROR, garbage.raw(), null));
            }
            loop.checkInterrupt();
            TurnRequest request = session.modelRequest(text, null);
            while (true) {
                try {
                    step = session.transport().scripts().next(session.conversationId(), request);
                } catch (RuntimeException e) {
                    // A throwing responder is the fakes' HTTP 500 (Responder's contract).
                    return end(new StepEnding.HttpError(500, String.valueOf(e.getMessage()), null), null, runIds,
                            Duration.ofNanos(System.nanoTime() - started));
                }
                String runId = session.transport().journal().nextRunId();
                runIds.add(runId);
                List<ScriptPart.ToolCall> calls = stream(step, request, runId);
                if (!calls.isEmpty()) {
                    request = session.modelRequest("", runTools(calls, runId));
                    continue;
                }
                return end(step.ending(), runId, runIds, Duration.ofNanos(System.nanoTime() - started));
            }
        } catch (Halt halt) {
            if (step != null) {
                session.transport().scripts().abandon(session.conversationId(), step);
            }
            if (!halt.interrupted) {
                throw halt;
            }
            return Result.builder(Result.Status.INTERRUPTED).result(partialText())
                    .error(ErrorCode.INTERRUPTED.value()).errorCode(ErrorCode.INTERRUPTED)
                    .stopReason(StopReason.CANCELLED).duration(Duration.ofNanos(System.nanoTime() - started))
                    .numTurns(runIds.size()).conversationId(session.conversationId()).runIds(runIds).build();
        }
    }

    /** Streams one step's parts; returns its tool calls (empty when the step ends the turn). */
    private List<ScriptPart.ToolCall> stream(TurnScript.Step step, TurnRequest request, String runId) throws Halt {
        List<ScriptPart.ToolCall> calls = new ArrayList<>();
        StringBuilder assistant = null;
        String assistantId = null;
        boolean first = true;
        for (ScriptPart part : step.parts()) {
            boolean frame = !(part instanceof ScriptPart.Pause || part instanceof ScriptPart.AwaitGate);
            if (frame && !first && !step.chunkDelay().isZero()) {
                loop.pause(step.chunkDelay());
            }
            first &= !frame;
            if (part instanceof ScriptPart.AssistantText || part instanceof ScriptPart.AssistantTextFrom) {
                String chunk = part instanceof ScriptPart.AssistantText t ? t.text()
                        : ((ScriptPart.AssistantTextFrom) part).text().apply(request);
                if (assistant == null) {
                    assistant = new StringBuilder();
                    assistantId = session.transport().journal().nextMessageId();
                }
                assistant.append(chunk);
                lastAssistant = assistant.toString();
                if (session.partialMessages()) {
                    emit(new PartialEvent("assistant", chunk, assistantId, runId));
                }
                continue;
            }
            if (frame && assistant != null) {
                flushAssistant(assistantId, assistant, runId);
                assistant = null;
            }
            if (part instanceof ScriptPart.Reasoning r) {
                String id = session.transport().journal().nextMessageId();
                if (session.partialMessages()) {
                    emit(new PartialEvent("reasoning", r.text(), id, runId));
                }
                lastReasoning = r.text();
                session.history("reasoning_message", r.text(), runId);
                emit(new Reasoning(id, r.text(), runId));
            } else if (part instanceof ScriptPart.ToolCall call) {
                calls.add(call);
            } else if (part instanceof ScriptPart.Pause pause) {
                loop.pause(pause.duration());
            } else if (part instanceof ScriptPart.AwaitGate gate) {
                loop.awaitGate(gate.gate());
            }
        }
        if (assistant != null) {
            flushAssistant(assistantId, assistant, runId);
        }
        return calls;
    }

    private void flushAssistant(String id, StringBuilder text, String runId) throws Halt {
        session.history("assistant_message", text.toString(), runId);
        emit(new AssistantMessage(id, text.toString(), runId));
    }

    /** Decides and runs the calls in order; returns the last result, which the next request carries back. */
    private TurnRequest.ToolResult runTools(List<ScriptPart.ToolCall> calls, String runId) throws Halt {
        TurnRequest.ToolResult last = null;
        for (ScriptPart.ToolCall call : calls) {
            String id = call.id() != null ? call.id() : session.transport().journal().nextToolCallId();
            Map<String, Object> input = call.arguments();
            PermissionDecision.Deny denied = null;
            if (PermissionPolicy.needsApproval(session.permissionMode(), call.name(), input)) {
                ToolPermissionRequest request = ToolPermissionRequest.of("perm-" + id, id, call.name(), input);
                loop.expectAnswer(request.requestId());
                session.pump().permissionRequest(request);
                PermissionDecision decision = loop.awaitAnswer(request.requestId());
                if (decision instanceof PermissionDecision.Allow allow) {
                    input = allow.updatedInput().orElse(input);
                } else {
                    denied = (PermissionDecision.Deny) decision;
                }
            }
            String arguments = Journal.json(input);
            session.history("tool_call_message", call.name() + " " + arguments, runId);
            emit(new ToolCall(id, call.name(), input, arguments, runId));
            ToolRunner.Output output = denied != null ? denial(denied) : session.tools().run(call.name(), input);
            loop.checkInterrupt();
            lastToolOutput = output.content();
            session.history("tool_return_message", output.content(), runId);
            emit(new ToolResult(id, output.content(), output.error(), runId));
            last = new TurnRequest.ToolResult(id, denied != null ? denied.message() : output.content(),
                    output.error());
            if (denied != null && denied.interrupt()) {
                throw new Halt(true);
            }
        }
        return last;
    }

    /** The tool result of a denied call, worded as the CLI words it (local-stdio.md §3, permission answer). */
    private static ToolRunner.Output denial(PermissionDecision.Deny denied) {
        return new ToolRunner.Output("Error: request to call tool denied. User reason: " + denied.message(), true);
    }

    private Result end(StepEnding ending, String runId, List<String> runIds, Duration took) throws Halt {
        String conversation = session.conversationId();
        if (ending instanceof StepEnding.Stop stop && stop.stopReason().equals(StepEnding.END_TURN)) {
            return Result.builder(Result.Status.SUCCESS).result(partialText()).stopReason(StopReason.END_TURN)
                    .duration(took).numTurns(runIds.size()).conversationId(conversation).runIds(runIds).build();
        }
        if (ending instanceof StepEnding.Stall) {
            loop.stall();
        }
        String message;
        String detail = null;
        ErrorCode code = ErrorCode.LLM_API_ERROR;
        if (ending instanceof StepEnding.Stop stop) {
            code = ErrorCode.of(stop.stopReason());
            message = "the model stopped with " + stop.stopReason();
        } else if (ending instanceof StepEnding.StreamError error) {
            message = error.message();
            detail = error.detail();
        } else if (ending instanceof StepEnding.HttpError error) {
            message = error.message();
            detail = "HTTP " + error.status() + (error.code() == null ? "" : " " + error.code());
            code = "PENDING_APPROVAL".equals(error.code()) ? ErrorCode.APPROVAL_CONFLICT : code;
        } else {
            message = "the model's stream ended before the turn did";
        }
        emit(new ErrorEvent(message, code, detail, runId));
        return Result.builder(Result.Status.ERROR).result(partialText()).error(message).errorCode(code)
                .errorDetail(detail).stopReason(StopReason.of(code.value())).duration(took).numTurns(runIds.size())
                .conversationId(conversation).runIds(runIds).build();
    }

    private String partialText() {
        return lastAssistant != null ? lastAssistant : lastReasoning != null ? lastReasoning : lastToolOutput;
    }

    /** Delivers one frame; an interrupt latched meanwhile ends the turn here, as the CLI checks between chunks. */
    private void emit(SessionEvent event) throws Halt {
        loop.checkInterrupt();
        session.pump().event(event);
        delivered++;
        afterEvent();
    }

    /** Applies the turn's fault once its threshold of delivered events is reached. */
    private void afterEvent() throws Halt {
        if (fault instanceof Fault.CrashTransport crash && delivered >= crash.afterEvents()) {
            session.die(new TransportLostException("the in-memory peer exited with code " + crash.exitCode(),
                    crash.exitCode(), crash.stderrTail(), null));
            throw new Halt(false);
        }
        if (fault instanceof Fault.DropAfter drop && delivered >= drop.events()) {
            session.die(new TransportLostException("the in-memory peer's connection dropped", null, null, null));
            throw new Halt(false);
        }
        if (fault instanceof Fault.Stall stall && delivered >= stall.afterEvents()) {
            fault = null;
            loop.stall();
        }
    }
}
