package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.TransportException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounded waits on a caller thread, with failures turned into the SDK's typed exceptions; also how a caller thread
 * runs a short task on the event loop, which owns all session state.
 */
final class Waits {

    private Waits() {
    }

    /**
     * @param future what to wait for
     * @param bound the longest wait
     * @param what the operation, for the timeout message
     * @param <T> the result type
     * @return the result
     * @throws LettaCodeException the future's typed failure, or an {@link OperationTimeoutException}
     */
    static <T> T await(CompletableFuture<T> future, Duration bound, String what) {
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw typed(unwrap(e));
        } catch (TimeoutException e) {
            throw new OperationTimeoutException(what + " did not complete within " + bound.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LettaCodeException("interrupted while " + what, e);
        }
    }

    /**
     * Runs a short task on the event loop and returns its result (at most 5 s: loop tasks never block).
     *
     * @param loop the event loop
     * @param task the task
     * @param <T> the result type
     * @return the task's result
     * @throws LettaCodeException if the task failed or the loop is gone
     */
    static <T> T onLoop(ScheduledExecutorService loop, Callable<T> task) {
        try {
            return loop.submit(task).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LettaCodeException("interrupted while waiting for the transport's event loop", e);
        } catch (Exception e) {
            throw typed(unwrap(e));
        }
    }

    /**
     * Runs a short task on the event loop and waits for it; if the loop is gone (the client is closing), runs it
     * here, since nothing else can then touch the state it guards.
     *
     * @param loop the event loop
     * @param task the task
     */
    static void runOnLoop(ScheduledExecutorService loop, Runnable task) {
        Future<?> done;
        try {
            done = loop.submit(task);
        } catch (RejectedExecutionException e) {
            task.run();
            return;
        }
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // It ran and failed, or the loop is wedged: the caller goes on either way.
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static LettaCodeException typed(Throwable cause) {
        if (cause instanceof LettaCodeException typed) {
            // Re-thrown on the caller's thread: wrap so the caller's stack shows up, keeping the type.
            return typed;
        }
        return new TransportException("the remote transport failed: " + cause, null, null, cause);
    }
}
