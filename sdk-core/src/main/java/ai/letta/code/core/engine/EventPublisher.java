package ai.letta.code.core.engine;

import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.IllegalUseException;
import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A {@link Flow.Publisher} over a stream's iterator, for one subscriber. A pool thread pulls events only while the
 * subscriber has demand, so a slow subscriber slows the reading, never the transport (events wait in the session's
 * buffer).
 */
final class EventPublisher implements Flow.Publisher<SessionEvent> {
    private final Iterator<SessionEvent> events;
    private final BooleanSupplier ended;
    private final Runnable onCancel;
    private final Executor pool;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    EventPublisher(Iterator<SessionEvent> events, BooleanSupplier ended, Runnable onCancel, Executor pool) {
        this.events = events;
        this.ended = ended;
        this.onCancel = onCancel;
        this.pool = pool;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super SessionEvent> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new NoSubscription());
            subscriber.onError(new IllegalUseException("this stream's publisher takes one subscriber; "
                    + "forward its events yourself to reach several"));
            return;
        }
        Subscription subscription = new Subscription(subscriber);
        subscriber.onSubscribe(subscription);
    }

    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super SessionEvent> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean done;

        Subscription(Flow.Subscriber<? super SessionEvent> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (done) {
                return;
            }
            if (n <= 0) {
                cancel();
                // Reactive Streams rule 3.9 prescribes this exact type.
                subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (rule 3.9), got " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (draining.compareAndSet(false, true)) {
                pool.execute(this::drain);
            }
        }

        @Override
        public void cancel() {
            if (!done) {
                done = true;
                onCancel.run();
            }
        }

        private void drain() {
            try {
                while (!done && demand.get() > 0) {
                    if (!events.hasNext()) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    subscriber.onNext(events.next());
                    demand.decrementAndGet();
                }
                if (!done && ended.getAsBoolean()) {
                    done = true; // complete without waiting for demand that would only fetch the end
                    subscriber.onComplete();
                    return;
                }
            } catch (RuntimeException e) {
                done = true;
                onCancel.run();
                subscriber.onError(e);
                return;
            } finally {
                draining.set(false);
            }
            if (!done && demand.get() > 0 && draining.compareAndSet(false, true)) {
                pool.execute(this::drain); // demand arrived while this drain was finishing
            }
        }
    }

    private static final class NoSubscription implements Flow.Subscription {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    }
}
