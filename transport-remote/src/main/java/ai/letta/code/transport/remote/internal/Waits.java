package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.TransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on a caller thread, with failures turned into the SDK's typed exceptions. */
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
