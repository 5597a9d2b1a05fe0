package ai.letta.code.testkit.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every real peer process ({@link CliProcess}, {@link AppServerProcess}) offers: its pid, liveness, command
 * line, fresh {@code HOME} and work dir, output tails for messages, and a stop that takes its descendants along and
 * deletes the scratch folders unless asked to keep them.
 */
public abstract sealed class PeerProcess implements AutoCloseable permits CliProcess, AppServerProcess {

    private final ScratchDirs dirs;
    private final boolean keepScratch;
    private volatile ChildProcess child;

    PeerProcess(ChildProcess child, ScratchDirs dirs, boolean keepScratch) {
        this.child = child;
        this.dirs = dirs;
        this.keepScratch = keepScratch;
    }

    /** @return the process id (of the latest start, after an app server's restart) */
    public final long pid() {
        return child.process().pid();
    }

    /** @return whether the process still runs */
    public final boolean isAlive() {
        return child.process().isAlive();
    }

    /** @return the fresh {@code HOME} of the process; {@code ~/.letta} state lives under it */
    public final Path home() {
        return dirs.home();
    }

    /** @return the working directory of the process; approved tools run there */
    public final Path workDir() {
        return dirs.workDir();
    }

    /** @return the command line it was started with */
    public final List<String> command() {
        return child.command();
    }

    /** @return the last lines it wrote to stdout, indented, for messages */
    public final String stdoutTail() {
        return child.stdoutTail();
    }

    /** @return the last lines it wrote to stderr, indented, for messages */
    public final String stderrTail() {
        return child.stderrTail();
    }

    final ChildProcess child() {
        return child;
    }

    final ScratchDirs dirs() {
        return dirs;
    }

    /** @param next the process that now serves (after a restart) */
    final void replaceChild(ChildProcess next) {
        child = next;
    }

    /**
     * Stops the process and its descendants (stdin EOF first if asked, grace, SIGTERM, SIGKILL), then deletes the
     * scratch folders unless they are kept.
     *
     * @return the exit code
     */
    final int stopAndClean(Duration grace, boolean closeStdinFirst) {
        try {
            return child.stop(grace, closeStdinFirst);
        } finally {
            if (!keepScratch) {
                dirs.delete();
            }
        }
    }
}
