package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.ContentPart;
import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ways a user can hold the API wrong, each answered with the SDK's own exception tree: every misuse throws a
 * {@link LettaCodeException} (or signals one, for a publisher), never an {@code IllegalStateException},
 * {@code NullPointerException} or friend.
 */
@Timeout(60)
class ApiMisuseTest {

    private static void misuse(Map<String, ThrowingCallable> calls) {
        calls.forEach((what, call) -> assertThatThrownBy(call).as(what).isInstanceOf(LettaCodeException.class));
    }

    @Test
    void misusedClientSessionStreamAndHandlesThrowOnlyLettaCodeExceptions() {
        try (LettaCodeClient client = LettaCode.create(InMemoryTransport.builder().build())) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            Session session = client.createSession(agentId, SessionOptions.defaults());
            Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
            calls.put("createAgent(null)", () -> client.createAgent(null));
            calls.put("createSession(null options)", () -> client.createSession(agentId, null));
            calls.put("createSession(not an agent id)", () -> client.createSession("conv-1", SessionOptions.defaults()));
            calls.put("resumeSession(blank)", () -> client.resumeSession("  ", SessionOptions.defaults()));
            calls.put("resumeSession(agent, agent)", () -> client.resumeSession(agentId, agentId + "x",
                    SessionOptions.defaults()).close());
            calls.put("prompt(null)", () -> client.prompt(null));
            calls.put("agents().get(null)", () -> client.agents().get(null));
            calls.put("conversations().list(null, null)", () -> client.conversations().list(null, null));
            calls.put("blocks().get(agent, bad label)", () -> client.blocks().get(agentId, "../x"));
            calls.put("send(null text)", () -> session.send((String) null));
            calls.put("send(null message)", () -> session.send((UserMessage) null));
            calls.put("updateModel(null)", () -> session.updateModel(null));
            calls.put("updateModel(unknown)", () -> session.updateModel(ModelUpdate.to("nobody/none")));
            calls.put("removeQueuedMessage(blank)", () -> session.removeQueuedMessage(" "));
            calls.put("sendCommand(null)", () -> session.sendCommand(null));
            calls.put("sendCommand(no type)", () -> session.sendCommand(Map.of("x", 1)));
            calls.put("sendCommand(null matcher)", () -> session.sendCommand(Map.of("type", "x"), null));
            calls.put("sendCommand(zero timeout)", () -> session.sendCommand(Map.of("type", "x"),
                    ResponseMatcher.type("x_response"), Duration.ZERO));
            calls.put("stream().result() with nothing sent", () -> session.stream().result());
            calls.put("image from a missing file", () -> ContentPart.imageFromFile(Path.of("no-such-image.png")));
            calls.put("image from null", () -> ContentPart.imageFromFile(null));
            calls.put("list page of 0", () -> client.agents().list(PageRequest.first(0)));
            misuse(calls);

            session.close();
            Map<String, ThrowingCallable> closed = new LinkedHashMap<>();
            closed.put("send on a closed session", () -> session.send("hi"));
            closed.put("abort on a closed session", session::abort);
            closed.put("listModels on a closed session", session::listModels);
            closed.put("sendCommand on a closed session", () -> session.sendCommand(Map.of("type", "x")));
            misuse(closed);
        }
    }

    @Test
    void aClosedClientThrowsSessionClosedForEveryCall() {
        LettaCodeClient client = LettaCode.create(InMemoryTransport.builder().build());
        client.close();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("createAgent", () -> client.createAgent(AgentOptions.builder().build()));
        calls.put("createSession", () -> client.createSession(SessionOptions.defaults()));
        calls.put("resumeSession", () -> client.resumeSession("agent-1", SessionOptions.defaults()));
        calls.put("prompt", () -> client.prompt("hi"));
        calls.put("agents", client::agents);
        calls.put("models", client::models);
        misuse(calls);
    }

    @Test
    void aSecondSubscriberIsSignalledALettaCodeException() throws Exception {
        try (LettaCodeClient client = LettaCode.create(InMemoryTransport.builder().build());
                Session session = client.createSession(client.createAgent(AgentOptions.builder().build()),
                        SessionOptions.defaults())) {
            EventStream stream = session.stream();
            stream.publisher().subscribe(new ErrorRecorder());
            ErrorRecorder second = new ErrorRecorder();
            stream.publisher().subscribe(second);

            assertThat(second.error.get(5, TimeUnit.SECONDS)).isInstanceOf(LettaCodeException.class);
            assertThat(stream.iterator().hasNext()).isFalse();
        }
    }

    /** Keeps the error a subscriber is signalled. */
    private static final class ErrorRecorder implements Flow.Subscriber<SessionEvent> {
        final CompletableFuture<Throwable> error = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {}

        @Override
        public void onNext(SessionEvent item) {}

        @Override
        public void onError(Throwable throwable) {
            error.complete(throwable);
        }

        @Override
        public void onComplete() {}
    }
}
