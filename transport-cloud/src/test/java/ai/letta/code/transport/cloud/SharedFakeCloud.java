package ai.letta.code.transport.cloud;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.fakecloud.CloudListener;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.peer.ProcessLeakCheck;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link FakeLettaCloud} shared by the tests of a class, bridged to real pinned Letta Code listeners, in one of
 * the two execution targets: {@link #withSandboxes()} (each session's conversation gets a managed sandbox, a real
 * listener the fake spawns, from a warm pool so a session opens in milliseconds; terminated when the session
 * closes) or {@link #withEnvironment()} (one named environment, a listener this extension starts and restarts
 * after a test killed it). Registered as a class extension, it closes the fake (and every listener) after the class
 * and checks that no process started during the class outlives it. Thread-safe.
 */
final class SharedFakeCloud implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The model agents get by default: an {@code anthropic/*} handle makes the listener pick its Bash toolset. */
    static final String MODEL = "anthropic/fake-claude";
    /** A second model, for model switches. */
    static final String ALTERNATE_MODEL = "anthropic/fake-claude-2";
    /** The environment's computer name. */
    static final String ENVIRONMENT = "contract-env";

    private final ReentrantLock lock = new ReentrantLock();
    private final boolean sandboxes;
    private FakeLettaCloud cloud;
    private CloudListener environment;
    private Set<ProcessHandle> baseline = Set.of();

    private SharedFakeCloud(boolean sandboxes) {
        this.sandboxes = sandboxes;
    }

    /** @return sessions in managed sandboxes (the cloud backend's default target) */
    static SharedFakeCloud withSandboxes() {
        return new SharedFakeCloud(true);
    }

    /** @return sessions on one named environment */
    static SharedFakeCloud withEnvironment() {
        return new SharedFakeCloud(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            baseline = ProcessLeakCheck.snapshot();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            close();
            ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofSeconds(5), context.getDisplayName());
        }
    }

    /** @return the fake, started on first use; with an environment, its listener running */
    FakeLettaCloud cloud() {
        lock.lock();
        try {
            if (cloud == null) {
                cloud = FakeLettaCloud.builder()
                        .api(FakeLettaApi.builder().model(MODEL).model(ALTERNATE_MODEL))
                        .warmSandboxes(sandboxes ? 2 : 0)
                        .start();
            }
            if (!sandboxes && (environment == null || !environment.process().isAlive())) {
                // A restart keeps the device id, as a user's machine does: the environment stays the same one.
                String deviceId = environment == null ? "contract-device-1" : environment.deviceId();
                if (environment != null) {
                    environment.close();
                }
                environment = cloud.startListener(ENVIRONMENT, deviceId);
            }
            return cloud;
        } finally {
            lock.unlock();
        }
    }

    /** @return where sessions run: a fast-polling sandbox terminated on close, or the environment */
    ExecutionTarget target() {
        return sandboxes ? ExecutionTarget.sandbox().withPollInterval(Duration.ofMillis(50))
                .withReadyTimeout(Duration.ofSeconds(30)).withTerminateOnClose(true)
                : ExecutionTarget.environment(ENVIRONMENT);
    }

    /** @return whether sessions run in managed sandboxes */
    boolean sandboxes() {
        return sandboxes;
    }

    /** @return the environment's listener (only {@link #withEnvironment()}) */
    CloudListener environment() {
        cloud();
        return environment;
    }

    /** Stops every listener and the fake. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (environment != null) {
                environment.close();
                environment = null;
            }
            if (cloud != null) {
                cloud.close();
                cloud = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
