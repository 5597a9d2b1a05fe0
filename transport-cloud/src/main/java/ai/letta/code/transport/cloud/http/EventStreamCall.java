package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.spi.Redaction;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link LettaHttp#stream(ApiRequest, StreamLimits)}: one request whose answer is an event stream, on a pipeline
 * without the aggregator, so the body is decoded chunk by chunk into {@link SseEvent}s. Opening returns once the
 * status line and headers arrived; never retried (a stream is a POST that runs the agent).
 */
final class EventStreamCall {

    private final Connector connector;
    private final ApiErrors errors;
    private final HttpSettings settings;
    private final Clock clock;

    EventStreamCall(Connector connector, ApiErrors errors, HttpSettings settings, Clock clock) {
        this.connector = connector;
        this.errors = errors;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param request what to send
     * @param limits the stream's bounds
     * @return the open stream; the caller closes it
     * @throws LettaCodeException as {@link LettaHttp#stream(ApiRequest, StreamLimits)} says
     */
    EventSource open(ApiRequest request, StreamLimits limits) {
        CompletableFuture<RawResponse> head = new CompletableFuture<>();
        EventSource source = new EventSource(request + " on the Letta API at " + errors.baseUrl(),
                limits.idleTimeout());
        Channel channel;
        try {
            channel = connector.connect(request, settings.connectTimeout().toMillis(),
                    new EventStreamHandler(head, source, limits.maxEventBytes()));
        } catch (Connector.Unreachable e) {
            source.close();
            throw e.exception();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        boolean open = false;
        try {
            source.attach(channel);
            FullHttpRequest wire = connector.encode(request);
            wire.headers().set(HttpHeaderNames.ACCEPT, "text/event-stream");
            channel.writeAndFlush(wire);
            RawResponse response = head.get(limits.headersTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!response.success()) {
                throw errors.of(request, response, RetryAfter.parse(response.headers().get("retry-after-ms"),
                        response.headers().get(HttpHeaderNames.RETRY_AFTER), clock));
            }
            String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
            if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                throw new ProtocolException(request + " on the Letta API at " + errors.baseUrl() + " answered HTTP "
                        + response.status() + " with content type \"" + Redaction.head(type, 80)
                        + "\", not an event stream");
            }
            open = true;
            return source;
        } catch (TimeoutException e) {
            throw new OperationTimeoutException(request + " on the Letta API at " + errors.baseUrl()
                    + " sent no response headers within " + limits.headersTimeout().toMillis()
                    + " ms (CloudOptions.requestTimeout)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof LettaCodeException known ? known : errors.unreachable(request, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while calling the Letta API at " + errors.baseUrl() + " ("
                    + request + ")", e);
        } finally {
            if (!open) {
                source.close();
                channel.close();
            }
        }
    }
}
