package ai.letta.code.transport.local.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Ends a CLI process and the processes it started. Escalates: time to exit by itself, then SIGTERM, then SIGKILL,
 * then every descendant still alive (tools, reflection subagents), which would otherwise outlive it as orphans.
 * Descendants are remembered before each step, because once the CLI is dead its children are re-parented and can
 * no longer be found from it; the processes of the CLI's {@link ProcessLineage} are found even then (e.g. after a
 * {@code kill -9} of the CLI, or for tools it started detached).
 *
 * <p>Thread-safe.
 */
final class ProcessReaper {

    /** How long SIGTERM gets before SIGKILL. */
    static final Duration TERM_WAIT = Duration.ofSeconds(2);
    /** How long SIGKILL gets to take effect. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final ProcessLineage lineage;
    private final Set<ProcessHandle> family = new LinkedHashSet<>();

    /**
     * @param process the CLI
     * @param lineage the marker it was started with
     */
    ProcessReaper(Process process, ProcessLineage lineage) {
        this.process = process;
        this.lineage = lineage;
    }

    /** @return whether a process the CLI started is still alive (itself excluded) */
    boolean familyAlive() {
        return process.descendants().anyMatch(ProcessHandle::isAlive)
                || lineage.members().stream().anyMatch(h -> h.pid() != process.pid() && h.isAlive());
    }

    /** Notes the current descendants, so they can be stopped after the CLI is gone. */
    void rememberFamily() {
        synchronized (family) {
            process.descendants().forEach(family::add);
        }
    }

    /**
     * Stops the process and its descendants; returns when they are gone (bounded).
     *
     * @param grace how long the process may take to exit by itself (zero: SIGTERM at once, SIGKILL 200 ms later)
     */
    void stop(Duration grace) {
        rememberFamily();
        boolean exited = waitFor(grace);
        if (!exited) {
            rememberFamily();
            process.destroy();
            exited = waitFor(grace.isZero() ? Duration.ofMillis(200) : TERM_WAIT);
        }
        if (!exited) {
            rememberFamily();
            process.destroyForcibly();
            waitFor(KILL_WAIT);
        }
        stopFamily();
    }

    /**
     * @param timeout the wait
     * @return whether the process has exited
     */
    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** @return the exit code, or null while the process runs */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    private void stopFamily() {
        Set<ProcessHandle> members;
        synchronized (family) {
            process.descendants().forEach(family::add);
            lineage.members().stream().filter(h -> h.pid() != process.pid()).forEach(family::add);
            members = new LinkedHashSet<>(family);
        }
        members.removeIf(h -> !h.isAlive());
        members.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : members) {
            try {
                h.onExit().get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
