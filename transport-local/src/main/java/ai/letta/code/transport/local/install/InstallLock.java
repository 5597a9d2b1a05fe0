package ai.letta.code.transport.local.install;

import ai.letta.code.api.exception.CliNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive right to install into one folder, across threads and JVMs: an in-JVM lock per lock file (a JVM may
 * hold only one {@link FileLock} on a file; a second {@code tryLock} from another thread throws) and then the
 * OS-level lock on the file. Both waits are bounded; the OS drops the file lock if the holding JVM dies.
 */
final class InstallLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 200;

    private final ReentrantLock inJvm;
    private final FileChannel channel;
    private final FileLock fileLock;

    private InstallLock(ReentrantLock inJvm, FileChannel channel, FileLock fileLock) {
        this.inJvm = inJvm;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * @param file the lock file (created if missing; never deleted, so every JVM locks the same inode)
     * @param wait the longest wait for another installer
     * @return the held lock
     * @throws CliNotFoundException if another installer held it for longer than {@code wait}
     */
    static InstallLock acquire(Path file, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
        try {
            if (!inJvm.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(file, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliNotFoundException("Interrupted while waiting for " + file, e);
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock;
                while ((lock = channel.tryLock()) == null) {
                    if (System.nanoTime() > deadline) {
                        throw timedOut(file, wait);
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                return new InstallLock(inJvm, channel, lock);
            } catch (RuntimeException | InterruptedException e) {
                channel.close();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new CliNotFoundException("Interrupted while waiting for " + file, e);
                }
                throw (RuntimeException) e;
            }
        } catch (IOException e) {
            inJvm.unlock();
            throw new UncheckedIOException("Could not lock " + file, e);
        } catch (RuntimeException e) {
            inJvm.unlock();
            throw e;
        }
    }

    private static CliNotFoundException timedOut(Path file, Duration wait) {
        return new CliNotFoundException("Another installer held " + file + " for longer than " + wait.toSeconds()
                + " s; if no install is running, try again (the lock is released when its JVM exits)");
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inJvm.unlock();
        }
    }
}
