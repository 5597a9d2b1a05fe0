package ai.letta.code.api.backend;

import static ai.letta.code.internal.Checks.requireNonNull;
import static ai.letta.code.internal.Checks.requirePositive;
import static ai.letta.code.internal.Checks.requireText;

import ai.letta.code.api.exception.ConfigurationException;
import java.time.Duration;

/**
 * Where a cloud session's Letta Code harness runs, and so where its tools execute: a managed sandbox Letta Cloud
 * starts for the session (the default), or a named environment, a machine of yours running
 * {@code letta server --computer-name NAME} (or the desktop app with remote access) that registered with Letta Cloud.
 * Agent state (memory, messages) stays in Letta Cloud either way.
 *
 * <pre>{@code
 * ExecutionTarget.sandbox()                                   // a managed sandbox, 5-minute TTL, refreshed
 * ExecutionTarget.sandbox().withTtl(Duration.ofMinutes(30)).withTerminateOnClose(true)
 * ExecutionTarget.environment("my-laptop")                    // by connection name (or id)
 * ExecutionTarget.environment(ExecutionTarget.Environment.Selector.DEVICE_ID, "5b2c…")
 * }</pre>
 */
public sealed interface ExecutionTarget permits ExecutionTarget.ManagedSandbox, ExecutionTarget.Environment {

    /** @return a managed sandbox with the default settings */
    static ManagedSandbox sandbox() {
        return ManagedSandbox.DEFAULT;
    }

    /**
     * @param nameOrId the environment's connection name or id, as {@code GET /v1/environments} lists it
     * @return that environment
     */
    static Environment environment(String nameOrId) {
        return new Environment(Environment.Selector.NAME_OR_ID, nameOrId);
    }

    /**
     * @param selector what {@code value} is
     * @param value the name, id, connection id or device id
     * @return that environment
     */
    static Environment environment(Environment.Selector selector, String value) {
        return new Environment(selector, value);
    }

    /**
     * A sandbox Letta Cloud runs for the session's conversation (sessions on one conversation share it). The SDK
     * creates or resumes it, waits until its listener is online, refreshes its TTL on a timer while the session is
     * open, and terminates it on close only when asked: the server-side TTL bounds what a crashed client leaves.
     * A sandbox that expired anyway fails the next call with a
     * {@link ai.letta.code.api.exception.ManagedSandboxExpiredException}; resume the conversation in a new session.
     *
     * @param ttl how long the sandbox lives without a refresh, 1 to 60 minutes (default 5)
     * @param readyTimeout how long to wait for it to come online (default 120 s)
     * @param pollInterval how often to ask whether it is online (default 1 s)
     * @param refreshInterval how often to refresh its TTL (default 80 % of {@code ttl}); less than {@code ttl}
     * @param terminateOnClose whether closing the session terminates it (default false)
     */
    record ManagedSandbox(Duration ttl, Duration readyTimeout, Duration pollInterval, Duration refreshInterval,
            boolean terminateOnClose) implements ExecutionTarget {

        static final ManagedSandbox DEFAULT = new ManagedSandbox(Duration.ofMinutes(5), Duration.ofSeconds(120),
                Duration.ofSeconds(1), Duration.ofMinutes(4), false);

        /**
         * Validates.
         *
         * @param ttl how long the sandbox lives without a refresh, 1 to 60 minutes (default 5)
         * @param readyTimeout how long to wait for it to come online (default 120 s)
         * @param pollInterval how often to ask whether it is online (default 1 s)
         * @param refreshInterval how often to refresh its TTL (default 80 % of {@code ttl}); less than {@code ttl}
         * @param terminateOnClose whether closing the session terminates it (default false)
         */
        public ManagedSandbox {
            requireNonNull(ttl, "ManagedSandbox.ttl");
            if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofMinutes(60)) > 0
                    || ttl.toSecondsPart() != 0) {
                throw new ConfigurationException("ManagedSandbox.ttl must be a whole number of minutes from 1 to 60 "
                        + "(got " + ttl + ")");
            }
            requirePositive(readyTimeout, "ManagedSandbox.readyTimeout");
            requirePositive(pollInterval, "ManagedSandbox.pollInterval");
            requirePositive(refreshInterval, "ManagedSandbox.refreshInterval");
            if (refreshInterval.compareTo(ttl) >= 0) {
                throw new ConfigurationException("ManagedSandbox.refreshInterval (" + refreshInterval
                        + ") must be shorter than its ttl (" + ttl + "), or the sandbox expires between refreshes");
            }
        }

        /**
         * @param ttl the new TTL; the refresh interval becomes 80 % of it
         * @return a copy with that TTL
         */
        public ManagedSandbox withTtl(Duration ttl) {
            requireNonNull(ttl, "ManagedSandbox.ttl");
            return new ManagedSandbox(ttl, readyTimeout, pollInterval, ttl.multipliedBy(4).dividedBy(5),
                    terminateOnClose);
        }

        /**
         * @param timeout how long to wait for the sandbox to come online
         * @return a copy with that timeout
         */
        public ManagedSandbox withReadyTimeout(Duration timeout) {
            return new ManagedSandbox(ttl, timeout, pollInterval, refreshInterval, terminateOnClose);
        }

        /**
         * @param interval how often to poll whether the sandbox is online
         * @return a copy with that interval
         */
        public ManagedSandbox withPollInterval(Duration interval) {
            return new ManagedSandbox(ttl, readyTimeout, interval, refreshInterval, terminateOnClose);
        }

        /**
         * @param interval how often to refresh the TTL
         * @return a copy with that interval
         */
        public ManagedSandbox withRefreshInterval(Duration interval) {
            return new ManagedSandbox(ttl, readyTimeout, pollInterval, interval, terminateOnClose);
        }

        /**
         * @param terminate whether closing the session terminates the sandbox
         * @return a copy with that setting
         */
        public ManagedSandbox withTerminateOnClose(boolean terminate) {
            return new ManagedSandbox(ttl, readyTimeout, pollInterval, refreshInterval, terminate);
        }

        /** @return the TTL in whole minutes, as the API takes it */
        public int ttlMinutes() {
            return (int) ttl.toMinutes();
        }
    }

    /**
     * A registered machine, found through {@code GET /v1/environments}; it must be online (its listener connected)
     * when the session opens.
     *
     * @param selector what {@code value} is
     * @param value the name, id, connection id or device id
     */
    record Environment(Selector selector, String value) implements ExecutionTarget {

        /** How an environment is named. */
        public enum Selector {
            /** Its connection name ({@code --computer-name}) or its id; an ambiguous name is an error. */
            NAME_OR_ID,
            /** Its current connection id ({@code conn-…}). */
            CONNECTION_ID,
            /** The listener's device id. */
            DEVICE_ID
        }

        /**
         * Validates.
         *
         * @param selector what {@code value} is
         * @param value the name, id, connection id or device id
         */
        public Environment {
            requireNonNull(selector, "Environment.selector");
            value = requireText(value, "Environment.value").strip();
        }
    }
}
