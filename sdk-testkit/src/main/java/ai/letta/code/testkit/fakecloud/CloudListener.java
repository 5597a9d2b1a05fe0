package ai.letta.code.testkit.fakecloud;

import java.nio.file.Path;
import java.util.Optional;

import ai.letta.code.testkit.peer.ListenerProcess;

/**
 * A named environment: a real listener a test started with {@link FakeLettaCloud#startListener}, online when
 * returned. {@link #close()} stops it (SIGTERM, then SIGKILL) and deletes its folders; the cloud's own
 * {@code close()} does that too for any listener still running. Thread-safe.
 */
public final class CloudListener implements AutoCloseable {

    private final String deviceId;
    private final ListenerProcess process;
    private final EnvironmentRegistry registry;

    CloudListener(String deviceId, ListenerProcess process, EnvironmentRegistry registry) {
        this.deviceId = deviceId;
        this.process = process;
        this.registry = registry;
    }

    /** @return the device id it registered with (its own, unless one was given) */
    public String deviceId() {
        return deviceId;
    }

    /** @return its {@code --computer-name}, the environment's {@code connectionName} */
    public String computerName() {
        return process.computerName();
    }

    /** @return its current connection id; empty while its control socket is not open */
    public Optional<String> connectionId() {
        return environment().flatMap(Environment::currentConnectionId);
    }

    /** @return what the cloud knows about it now */
    public Optional<Environment> environment() {
        return registry.environment(deviceId);
    }

    /** @return its cwd; approved tools run there */
    public Path workDir() {
        return process.workDir();
    }

    /** @return the process (pid, output tails, kill, exit) */
    public ListenerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "CloudListener[" + deviceId + ", " + process + "]";
    }
}
