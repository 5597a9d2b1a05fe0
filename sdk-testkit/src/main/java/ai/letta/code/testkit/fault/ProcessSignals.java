package ai.letta.code.testkit.fault;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** {@code kill -STOP} / {@code kill -CONT} for a process, which {@link ProcessHandle} cannot send. */
public final class ProcessSignals {

    private ProcessSignals() {
    }

    /**
     * @param process the process to freeze
     * @throws IllegalStateException if the signal could not be sent
     */
    public static void freeze(ProcessHandle process) {
        signal("-STOP", process);
    }

    /**
     * @param process the process to thaw (a no-op if it is gone)
     */
    public static void thaw(ProcessHandle process) {
        if (process.isAlive()) {
            signal("-CONT", process);
        }
    }

    private static void signal(String signal, ProcessHandle process) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal, e);
        }
    }
}
