package ai.letta.code.transport.local;

import java.util.concurrent.TimeUnit;

/** Prints measured times for the report; never asserted on (a 2-core CI runner is not a benchmark). */
final class Timings {

    private Timings() {}

    static void record(String what, long nanos) {
        System.out.printf("[timing] %s: %d ms%n", what, TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
