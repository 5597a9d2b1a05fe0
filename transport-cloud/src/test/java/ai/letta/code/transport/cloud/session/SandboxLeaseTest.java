package ai.letta.code.transport.cloud.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.ManagedSandboxExpiredException;
import ai.letta.code.api.exception.OperationTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxLeaseTest {

    private static final ExecutionTarget.ManagedSandbox FAST = ExecutionTarget.sandbox()
            .withPollInterval(Duration.ofMillis(10)).withRefreshInterval(Duration.ofMillis(50))
            .withReadyTimeout(Duration.ofSeconds(2));

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ScriptedControl control = new ScriptedControl();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void acquiringCreatesRefreshesOnceAndPollsUntilTheListenerIsOnline() {
        control.pollsUntilOnline.set(3);
        try (SandboxLease lease = SandboxLease.acquire(control, "agent-1", "conv-1", FAST, timer)) {
            assertThat(lease.connectionId()).isEqualTo("conn-1");
            assertThat(control.calls.get(0)).isEqualTo("createSandbox agent-1 conv-1");
            assertThat(control.calls.get(1)).isEqualTo("refresh sandbox-1 5");
            assertThat(control.count("environment dev-1")).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theTtlIsRefreshedOnTheTimerWhileTheLeaseIsHeld() throws Exception {
        try (SandboxLease lease = SandboxLease.acquire(control, "agent-1", null, FAST, timer)) {
            Thread.sleep(300);
            assertThat(control.count("refresh sandbox-1")).isGreaterThanOrEqualTo(3);
        }
        long afterClose = control.count("refresh");
        Thread.sleep(200);
        assertThat(control.count("refresh")).isEqualTo(afterClose);
    }

    @Test
    void aReapedSandboxExpiresTheLeaseOnceAndSaysHowToResume() throws Exception {
        CountDownLatch told = new CountDownLatch(1);
        try (SandboxLease lease = SandboxLease.acquire(control, "agent-1", "conv-1", FAST, timer)) {
            lease.onExpired(told::countDown);
            control.reaped = true;
            assertThat(told.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(lease.expiry()).hasValueSatisfying(e -> assertThat(e.getMessage())
                    .contains("sandbox-1").contains("client.resumeSession(\"conv-1\")"));
            assertThatThrownBy(lease::connectionId).isInstanceOf(ManagedSandboxExpiredException.class);
        }
        assertThat(control.count("terminate")).isZero();
    }

    @Test
    void aSandboxThatNeverComesOnlineFailsWithinTheReadyTimeout() {
        control.pollsUntilOnline.set(Integer.MAX_VALUE);
        ExecutionTarget.ManagedSandbox quick = FAST.withReadyTimeout(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThatThrownBy(() -> SandboxLease.acquire(control, "agent-1", "conv-1", quick, timer))
                .isInstanceOf(OperationTimeoutException.class)
                .hasMessageContaining("sandbox-1").hasMessageContaining("ManagedSandbox.readyTimeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void closingTerminatesOnlyWhenAsked() {
        SandboxLease.acquire(control, "agent-1", "conv-1", FAST, timer).close();
        assertThat(control.count("terminate")).isZero();
        SandboxLease lease = SandboxLease.acquire(control, "agent-1", "conv-1", FAST.withTerminateOnClose(true),
                timer);
        lease.close();
        lease.close();
        assertThat(control.count("terminate sandbox-1")).isEqualTo(1);
    }
}
