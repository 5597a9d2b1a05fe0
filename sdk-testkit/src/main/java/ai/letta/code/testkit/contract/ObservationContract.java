package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.SessionListener;
import ai.letta.code.api.SessionStep;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ways to observe a session besides iterating its stream: listeners and the {@link Flow.Publisher} view. */
public abstract class ObservationContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ObservationContract() {}

    @Test
    void listenerSeesTheLifecycleAndEveryEvent() {
        List<SessionStep.Kind> steps = new CopyOnWriteArrayList<>();
        List<SessionEvent> seen = new CopyOnWriteArrayList<>();
        SessionListener listener = new SessionListener() {
            @Override
            public void onLifecycle(SessionStep step) {
                steps.add(step.kind());
            }

            @Override
            public void onEvent(String conversationId, SessionEvent event) {
                seen.add(event);
            }
        };
        Session session = open(newAgent(), options().listener(listener).build());
        peer.enqueue(TurnScript.builder().reasoning("observed reasoning").assistant("observed answer").build());

        List<SessionEvent> streamed = turn(session, "watch this");
        session.close();

        assertThat(seen).containsSubsequence(streamed);
        awaitCondition("the CLOSED lifecycle step", () -> steps.contains(SessionStep.Kind.CLOSED));
        assertThat(steps).containsSubsequence(SessionStep.Kind.OPENED, SessionStep.Kind.MESSAGE_SENT,
                SessionStep.Kind.TURN_ENDED, SessionStep.Kind.CLOSED);
    }

    @Test
    void publisherDeliversTheTurnAndCompletes() throws Exception {
        Session session = openSession();
        peer.enqueue(TurnScript.builder().reasoning("publishing").assistant("published answer").build());
        session.send("publish it");
        List<SessionEvent> received = new ArrayList<>();
        CompletableFuture<List<SessionEvent>> done = new CompletableFuture<>();

        closeLater(session.stream()).publisher().subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(SessionEvent item) {
                received.add(item);
                subscription.request(1);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(List.copyOf(received));
            }
        });
        List<SessionEvent> events = done.get(turnTimeout().toMillis(), TimeUnit.MILLISECONDS);

        Result result = last(events);
        assertThat(result.success()).isTrue();
        assertThat(result.result()).contains("published answer");
    }
}
