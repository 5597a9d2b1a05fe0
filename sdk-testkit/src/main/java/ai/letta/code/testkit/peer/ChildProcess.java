package ai.letta.code.testkit.peer;

import ai.letta.code.core.spi.LineTail;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running peer: the process, its pumps, the tails of what it printed, and the stop sequence.
 *
 * <p>Started with {@link ProcessBuilder} rather than Commons Exec because the launchers need three things its
 * {@code Executor} hides: the live stdin pipe (stdio tests write lines interactively), the {@link Process} itself
 * for {@link ProcessHandle#descendants()} (tools and reflection subagents are grandchildren that must die with the
 * peer), and a plain direct child (the App Server exits when its parent is not alive, offline-peers.md §8.2).
 */
final class ChildProcess {

    private static final Duration PUMP_JOIN = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    /** After stdin EOF and its grace, SIGTERM gets this long before SIGKILL. */
    private static final Duration TERM_WAIT_AFTER_EOF = Duration.ofSeconds(2);

    private final List<String> command;
    private final Process process;
    private final long spawnNanos;
    private final LineTail stdoutTail;
    private final LineTail stderrTail;
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildProcess(List<String> command, Process process, long spawnNanos, LineTail stdoutTail,
            LineTail stderrTail, Thread stdoutPump, Thread stderrPump) {
        this.command = command;
        this.process = process;
        this.spawnNanos = spawnNanos;
        this.stdoutTail = stdoutTail;
        this.stderrTail = stderrTail;
        this.stdoutPump = stdoutPump;
        this.stderrPump = stderrPump;
    }

    /**
     * Spawns {@code command} in {@code workDir} with exactly {@code env}. Every stdout line goes to the tail and
     * then to {@code stdoutSink}; stderr only to its tail.
     */
    static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            int maxLineChars, LinePump.Sink stdoutSink) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        LineTail stdoutTail = new LineTail(40, 2000);
        LineTail stderrTail = new LineTail(40, 2000);
        long spawnNanos = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PeerProcessException("could not start " + name + ": " + String.join(" ", command), e);
        }
        // "peer-": the fault matrix counts threads named "letta…" as the SDK's.
        String threadPrefix = "peer-" + name + "-" + process.pid();
        Thread stdoutPump = LinePump.start(threadPrefix + "-stdout", process.getInputStream(), maxLineChars,
                new LinePump.Sink() {
                    @Override
                    public void line(String line) throws InterruptedException {
                        stdoutTail.add(line);
                        stdoutSink.line(line);
                    }

                    @Override
                    public void end(Exception failure) {
                        stdoutSink.end(failure);
                    }
                });
        Thread stderrPump = LinePump.start(threadPrefix + "-stderr", process.getErrorStream(), maxLineChars,
                new LinePump.Sink() {
                    @Override
                    public void line(String line) {
                        stderrTail.add(line);
                    }

                    @Override
                    public void end(Exception failure) {
                        if (failure != null) {
                            stderrTail.add("[stderr pump failed: " + failure.getMessage() + "]");
                        }
                    }
                });
        return new ChildProcess(List.copyOf(command), process, spawnNanos, stdoutTail, stderrTail, stdoutPump,
                stderrPump);
    }

    Process process() {
        return process;
    }

    List<String> command() {
        return command;
    }

    Duration sinceSpawn() {
        return Duration.ofNanos(System.nanoTime() - spawnNanos);
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    String stdoutTail() {
        return rendered(stdoutTail);
    }

    String stderrTail() {
        return rendered(stderrTail);
    }

    /** The kept lines, indented for a failure message; "(empty)" when nothing was printed. */
    private static String rendered(LineTail tail) {
        return tail.isEmpty() ? "    (empty)" : tail.text("    ");
    }

    /** Waits up to {@code timeout} for the process to exit; returns its exit code, or null if it is still alive. */
    Integer awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // The pumps may still hold the last lines; give them a moment so diagnostics are complete.
                joinPumps(Duration.ofMillis(500));
                return process.exitValue();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerProcessException("interrupted while waiting for pid " + process.pid() + " to exit", e);
        }
    }

    /**
     * Stops the peer and every descendant, each step bounded: optionally close stdin (the stdio CLI exits on EOF),
     * wait {@code grace}; then SIGTERM, wait; then SIGKILL. Descendants are collected while the parent is alive,
     * because an orphan is re-parented and no longer shows up under this JVM; they are killed last. Returns the
     * exit code.
     */
    int stop(Duration grace, boolean closeStdinFirst) {
        Set<ProcessHandle> family = new LinkedHashSet<>();
        Integer code = null;
        if (closeStdinFirst) {
            closeQuietly(process.getOutputStream());
            code = awaitExitCollecting(grace, family);
        }
        // Signals go through ProcessHandle, not Process.destroy(): on Linux the latter also closes our ends of
        // stdout and stderr at once, which loses what the peer prints while it shuts down.
        if (code == null) {
            family.addAll(process.descendants().toList());
            process.toHandle().destroy();
            code = awaitExitCollecting(closeStdinFirst ? TERM_WAIT_AFTER_EOF : grace, family);
        }
        if (code == null) {
            family.addAll(process.descendants().toList());
            process.toHandle().destroyForcibly();
            code = awaitExit(KILL_WAIT);
        }
        killAll(family);
        closeQuietly(process.getOutputStream());
        joinPumps(PUMP_JOIN);
        if (code == null) {
            throw new PeerProcessException(diagnostics("pid " + process.pid() + " survived SIGKILL for "
                    + KILL_WAIT.toSeconds() + " s"));
        }
        return code;
    }

    /** Like {@link #awaitExit}, adding the live descendants to {@code family} every 50 ms meanwhile. */
    private Integer awaitExitCollecting(Duration timeout, Set<ProcessHandle> family) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            family.addAll(process.descendants().toList());
            long left = deadline - System.nanoTime();
            Integer code = awaitExit(Duration.ofNanos(Math.max(0, Math.min(left, 50_000_000L))));
            if (code != null || left <= 0) {
                return code;
            }
        }
    }

    /** SIGTERM, then SIGKILL after a short wait, for processes that outlived their parent. */
    static void killAll(Set<ProcessHandle> handles) {
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                handle.destroy();
                alive.add(handle);
            }
        }
        for (ProcessHandle handle : alive) {
            if (!awaitGone(handle, Duration.ofSeconds(1))) {
                handle.destroyForcibly();
                awaitGone(handle, KILL_WAIT);
            }
        }
    }

    private static boolean awaitGone(ProcessHandle handle, Duration bound) {
        try {
            handle.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void joinPumps(Duration bound) {
        try {
            stdoutPump.join(bound.toMillis());
            stderrPump.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure message: the headline, the command, the exit state and both tails. */
    String diagnostics(String headline) {
        StringBuilder text = new StringBuilder(headline)
                .append("\n  command: ").append(String.join(" ", command))
                .append("\n  pid ").append(process.pid()).append(", ")
                .append(process.isAlive() ? "still running" : "exited with code " + process.exitValue())
                .append(", ").append(sinceSpawn().toMillis()).append(" ms since spawn");
        if (ProcessHandle.current().pid() == 1) {
            // letta.js exits silently once a second when its ppid is 1 (offline-peers.md §8.2).
            text.append("\n  note: this JVM is PID 1, so the CLI's orphan detection stops it within a second;")
                    .append(" run the JVM under an init process (docker run --init, tini)");
        }
        return text.append("\n  stdout tail:\n").append(stdoutTail())
                .append("\n  stderr tail:\n").append(stderrTail()).toString();
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Broken pipe: the process is already gone, which is what closing was for.
        }
    }
}
