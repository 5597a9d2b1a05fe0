package ai.letta.code.testkit.fake;

import java.util.Objects;

/**
 * A transport-level failure the {@link InMemoryTransport} plays on the next turn that starts
 * ({@link InMemoryTransport#failNextTurn(Fault)}), in the spirit of MockWebServer's {@code SocketEffect}: faults are
 * data, so every scenario injects them the same way. Model-level failures (a provider error, a stalled or dropped
 * model stream) are scripted with {@link ai.letta.code.testkit.script.TurnScript} instead.
 */
public sealed interface Fault {

    /**
     * The peer process exits once {@code afterEvents} events of the turn were delivered: the session's sink gets
     * {@code onClosed(TransportLostException)} carrying the exit code and the stderr tail.
     *
     * @param exitCode the exit code the lost transport reports
     * @param stderrTail the last lines the "process" wrote to stderr, or {@code null}
     * @param afterEvents how many events of the turn are delivered first (0: right after the turn starts)
     */
    record CrashTransport(int exitCode, String stderrTail, int afterEvents) implements Fault {
        /**
         * Validates.
         *
         * @param exitCode the exit code the lost transport reports
         * @param stderrTail the last lines the "process" wrote to stderr, or {@code null}
         * @param afterEvents how many events of the turn are delivered first (0: right after the turn starts)
         */
        public CrashTransport {
            requireNonNegative(afterEvents);
        }
    }

    /**
     * The connection drops without an exit code after {@code events} events of the turn.
     *
     * @param events how many events of the turn are delivered first
     */
    record DropAfter(int events) implements Fault {
        /**
         * Validates.
         *
         * @param events how many events of the turn are delivered first
         */
        public DropAfter {
            requireNonNegative(events);
        }
    }

    /**
     * The peer goes silent after {@code afterEvents} events, without closing: only an interrupt, a close or the
     * engine's idle watchdog ends the turn.
     *
     * @param afterEvents how many events of the turn are delivered first
     */
    record Stall(int afterEvents) implements Fault {
        /**
         * Validates.
         *
         * @param afterEvents how many events of the turn are delivered first
         */
        public Stall {
            requireNonNegative(afterEvents);
        }
    }

    /**
     * An undecodable frame arrives before the turn's first event. The transport reports it as an
     * {@code ErrorEvent} coded {@code protocol_error} and the turn goes on: garbage on the wire never fails a turn.
     *
     * @param raw the frame as the peer "sent" it
     */
    record GarbageEvent(String raw) implements Fault {
        /**
         * Validates.
         *
         * @param raw the frame as the peer "sent" it
         */
        public GarbageEvent {
            Objects.requireNonNull(raw, "raw");
        }
    }

    /**
     * @param exitCode the exit code
     * @param stderrTail the stderr tail, or {@code null}
     * @return a crash right after the next turn starts
     */
    static CrashTransport crash(int exitCode, String stderrTail) {
        return new CrashTransport(exitCode, stderrTail, 0);
    }

    private static void requireNonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("an event count must be >= 0, was " + count);
        }
    }
}
