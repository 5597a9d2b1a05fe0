package ai.letta.code.transport.cloud.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The time sources of the retry loop, replaceable by tests: the clock (deadlines, HTTP-date {@code Retry-After}),
 * the sleep between attempts, and the jitter.
 *
 * @param clock the clock
 * @param sleeper waits between two attempts
 * @param jitter a number in [0, 1) per retry
 */
record RetryTiming(Clock clock, Sleeper sleeper, DoubleSupplier jitter) {

    /** Waits between two attempts. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * @param delay how long
         * @throws InterruptedException if the calling thread is interrupted
         */
        void sleep(Duration delay) throws InterruptedException;
    }

    /** @return the system clock, {@code Thread.sleep} and a random jitter */
    static RetryTiming system() {
        return new RetryTiming(Clock.systemUTC(), delay -> Thread.sleep(delay.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
