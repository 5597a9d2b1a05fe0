package ai.letta.code.testkit.script;

import java.util.concurrent.CompletableFuture;

/**
 * A one-shot latch a script can wait on ({@link TurnScript.Builder#awaitGate(Gate)}): the stream holds until the
 * test calls {@link #open()}. Thread-safe; opening twice is harmless. Closing the fake releases nothing: a stream
 * held at a gate ends when its connection closes.
 */
public final class Gate {

    /** A closed gate. */
    public Gate() {}

    private final CompletableFuture<Void> opened = new CompletableFuture<>();

    /** Lets every stream waiting on this gate continue. */
    public void open() {
        opened.complete(null);
    }

    /** @return whether {@link #open()} was called */
    public boolean isOpen() {
        return opened.isDone();
    }

    /**
     * Runs {@code action} once the gate is open (at once if it already is), on the opening thread.
     *
     * @param action what to run
     */
    public void whenOpen(Runnable action) {
        opened.thenRun(action);
    }

    @Override
    public String toString() {
        return isOpen() ? "Gate[open]" : "Gate[closed]";
    }
}
