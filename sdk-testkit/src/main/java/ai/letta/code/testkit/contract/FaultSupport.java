package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.testkit.fault.FaultInjection;
import ai.letta.code.testkit.fault.FaultReport;
import ai.letta.code.testkit.fault.ResourceBaseline;
import ai.letta.code.testkit.script.TurnScript;
import ai.letta.code.testkit.secrets.LogCapture;
import ai.letta.code.testkit.secrets.Sentinels;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the fault matrix's suites share: each scenario plays one fault, waits at most its stated bound for the typed
 * outcome (a failed {@link Result}, a denial the model hears, a close that returns, a reconnect), then
 * {@linkplain #finish closes the client} and checks that the SDK's threads, pipes, sockets and descendant processes
 * are back to what they were before ({@link ResourceBaseline}), and that no secret (the peer's
 * {@link ContractPeer#secrets()}, a sentinel in the local CLI's environment) reached a log record at any level, an
 * event or a result ({@link LogCapture}). Each run appends its measured times to the {@link FaultReport} table. A
 * fault the peer cannot play ({@link FaultInjection}) is skipped, naming why; one that does not apply to the
 * transport at all is recorded as such ({@link #notApplicable}).
 */
abstract class FaultSupport extends ContractSupport {

    /** A dead peer ends the turn within this. */
    static final Duration CRASH_BOUND = Duration.ofSeconds(10);
    /** Closing a session, whatever its peer is doing, returns within this. */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(30);
    /** After the client is closed, its threads, descriptors and processes are gone within this. */
    static final Duration SETTLE = Duration.ofSeconds(15);

    private ResourceBaseline baseline;
    private LogCapture logs;

    @BeforeEach
    final void takeBaseline() {
        baseline = ResourceBaseline.take();
        logs = LogCapture.start();
    }

    @AfterEach
    final void stopCapture() {
        if (logs != null) {
            logs.close();
        }
    }

    /**
     * Default options plus, where the session's environment reaches its process ({@link ContractFeature#SESSION_ENV}),
     * a sentinel secret in it: the scenarios check it never surfaces.
     */
    final SessionOptions.Builder faultOptions() {
        SessionOptions.Builder options = options();
        if (has(ContractFeature.SESSION_ENV)) {
            options.env("LETTA_FAULT_SENTINEL", Sentinels.ENV_VALUE);
        }
        return options;
    }

    /** @return the peer's fault hooks, or skips the scenario (naming {@code what}) if it has none */
    final FaultInjection injection(String what) {
        Assumptions.assumeTrue(peer instanceof FaultInjection, "the peer cannot " + what + "; scenario skipped");
        return (FaultInjection) peer;
    }

    /**
     * Without {@code feature}, records the row as not applicable to this transport (with {@code why}) and aborts
     * the scenario: the table shows the fault was considered, not passed.
     */
    final void notApplicable(String fault, ContractFeature feature, String why) {
        if (!has(feature)) {
            FaultReport.record(fault, setup().getClass().getSimpleName(), Duration.ZERO,
                    "not applicable: " + why + " (no ContractFeature." + feature + ")", 0, 0, List.of());
            Assumptions.abort(fault + " does not apply: " + why);
        }
    }

    static TurnScript heldTurn(String reasoning) {
        return TurnScript.builder().reasoning(reasoning).stall().build();
    }

    static String runtime(Session session) {
        String conversation = session.conversationId().equals(session.agentId()) ? "default"
                : session.conversationId();
        return "\"runtime\":{\"agent_id\":\"" + session.agentId() + "\",\"conversation_id\":\"" + conversation + "\"}";
    }

    /**
     * Closes the client, checks the baseline and that no secret reached the logs or what the scenario saw, and
     * records the row.
     */
    final void finish(String fault, Duration bound, String outcome, long toOutcomeMs, Object... seen) {
        long closeStart = System.nanoTime();
        withinBound("client.close()", CLOSE_BOUND, client::close);
        long restored = baseline.assertRestored(SETTLE, fault, peer::ownsProcess);
        String logged = logs.text();
        Sentinels.assertAbsent(fault + ": the logs", logged);
        for (Object observed : seen) {
            Sentinels.assertAbsent(fault + ": what the scenario saw", String.valueOf(observed));
        }
        for (String secret : peer.secrets()) {
            assertThat(logged).as(fault + ": the logs hold the peer's secret").doesNotContain(secret);
            for (Object observed : seen) {
                assertThat(String.valueOf(observed)).as(fault + ": an event holds the peer's secret")
                        .doesNotContain(secret);
            }
        }
        FaultReport.record(fault, setup().getClass().getSimpleName(), bound, outcome, toOutcomeMs,
                millisSince(closeStart) + restored, baseline.waitedFor());
    }

    static void withinBound(String what, Duration bound, Runnable action) {
        boundedCall(what, bound, () -> {
            action.run();
            return null;
        });
    }

    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
