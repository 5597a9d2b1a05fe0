package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.StopReason;
import ai.letta.code.api.exception.ConflictException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.Usage;
import ai.letta.code.transport.cloud.http.EventSource;
import ai.letta.code.transport.cloud.http.SseEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * A {@link MessageStream} over one {@link EventSource}: each {@code data:} event is a Letta message, decoded by
 * {@link MessageDecoding}; {@code data: [DONE]} ends it; {@code event: error} yields an error event and ends it
 * (the Letta clients read nothing after one); {@code event: cancelled} ends it as cancelled. A body that ends
 * before {@code [DONE]} (and before an error or cancel event) is a cut: {@link TransportLostException}.
 */
final class RestMessageStream implements MessageStream {

    static final String DONE = "[DONE]";

    private final EventSource source;
    private final String what;
    private final Consumer<Optional<String>> serverCancel;
    private final Deque<SessionEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closedByCaller = new AtomicBoolean();
    private final Iterator<SessionEvent> cursor = new Cursor();
    private volatile StopReason stopReason;
    private volatile Usage usage;
    private volatile String runId;
    private boolean finished;

    /**
     * @param source the open event stream
     * @param what the request, for messages
     * @param serverCancel asks the server to cancel the run, given the run id the stream reported (if any)
     */
    RestMessageStream(EventSource source, String what, Consumer<Optional<String>> serverCancel) {
        this.source = source;
        this.what = what;
        this.serverCancel = serverCancel;
    }

    @Override
    public Iterator<SessionEvent> iterator() {
        return cursor;
    }

    @Override
    public Stream<SessionEvent> toStream() {
        return StreamSupport.stream(spliterator(), false).onClose(this::close);
    }

    @Override
    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    @Override
    public Optional<Usage> usage() {
        return Optional.ofNullable(usage);
    }

    @Override
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }

    @Override
    public MessageResponse collect() {
        List<SessionEvent> events = new ArrayList<>();
        while (cursor.hasNext()) {
            SessionEvent event = cursor.next();
            SessionEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
            if (last instanceof AssistantMessage a && event instanceof AssistantMessage b && a.id() != null
                    && a.id().equals(b.id())) {
                events.set(events.size() - 1, new AssistantMessage(a.id(), a.content() + b.content(),
                        a.runId().orElse(null)));
            } else if (last instanceof Reasoning a && event instanceof Reasoning b && a.id() != null
                    && a.id().equals(b.id())) {
                events.set(events.size() - 1, new Reasoning(a.id(), a.content() + b.content(),
                        a.runId().orElse(null)));
            } else {
                events.add(event);
            }
        }
        return new MessageResponse(events, stopReason, usage, Map.of());
    }

    @Override
    public void cancel() {
        close();
        if (cancelled.compareAndSet(false, true)) {
            try {
                serverCancel.accept(Optional.ofNullable(runId));
            } catch (ConflictException nothingToCancel) {
                // The run had already ended: what cancel() wanted.
            }
        }
    }

    @Override
    public void close() {
        closedByCaller.set(true);
        source.close();
    }

    @Override
    public String toString() {
        return "MessageStream[" + what + ", runId=" + runId + ", stopReason=" + stopReason + "]";
    }

    /** Reads until an event is pending or the stream has ended. */
    private boolean fill() {
        while (pending.isEmpty() && !finished) {
            SseEvent event;
            try {
                event = source.next();
            } catch (RuntimeException e) {
                finished = true;
                throw e;
            }
            if (event == null) {
                finished = true;
                if (!closedByCaller.get()) {
                    throw new TransportLostException("the stream of " + what + " ended before [DONE]: the "
                            + "response was cut short", null, null, null);
                }
                break;
            }
            accept(event);
        }
        return !pending.isEmpty();
    }

    private void accept(SseEvent event) {
        if ("error".equals(event.event())) {
            pending.add(MessageDecoding.error(event.json(what)));
            end();
            return;
        }
        if ("cancelled".equals(event.event())) {
            if (stopReason == null) {
                stopReason = StopReason.CANCELLED;
            }
            end();
            return;
        }
        if (event.data().strip().equals(DONE)) {
            end();
            return;
        }
        JsonNode message = event.json(what);
        if (message.path("run_id").isString() && runId == null) {
            runId = message.path("run_id").stringValue();
        }
        switch (message.path("message_type").asString("")) {
            case "stop_reason" -> stopReason = MessageDecoding.stopReason(message);
            case "usage_statistics" -> usage = MessageDecoding.usage(message);
            default -> pending.addAll(MessageDecoding.events(message));
        }
    }

    private void end() {
        finished = true;
        source.close();
    }

    /** The one cursor of the stream. */
    private final class Cursor implements Iterator<SessionEvent> {
        @Override
        public boolean hasNext() {
            return fill();
        }

        @Override
        public SessionEvent next() {
            if (!fill()) {
                throw new NoSuchElementException("the stream of " + what + " has ended");
            }
            return pending.poll();
        }
    }
}
