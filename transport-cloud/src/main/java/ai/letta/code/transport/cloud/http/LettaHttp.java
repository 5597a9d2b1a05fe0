package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.FrameTooLongException;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.internal.Checks;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.TrustManagerFactory;

/**
 * JSON requests to a Letta API over Netty HTTP/1.1.
 *
 * <p><b>Connections.</b> One connection per request ({@code Connection: close}). The control plane makes a
 * handful of calls per session plus a sandbox refresh every few minutes, so a pool would save little, and it
 * would bring the one failure a pool cannot rule out: a kept-alive connection the server closed while idle. On
 * such a connection a request may or may not have been processed, which is harmless for a GET and not for
 * {@code POST /v1/agents}, which must never be sent twice. A fresh connection per request makes "could not
 * connect" mean "nothing was sent".
 *
 * <p><b>What goes on the wire.</b> {@code Authorization: Bearer <key>} (revealed only into that header),
 * {@code X-Letta-Source: letta-code-java}, {@code Accept-Encoding: gzip} and the settings' extra headers; HTTPS
 * with hostname verification and SNI for {@code https} URLs.
 *
 * <p><b>Limits and failures.</b> Connecting is bounded by {@code connectTimeout}, each attempt's answer by
 * {@code requestTimeout} (both {@link OperationTimeoutException}), the decompressed body by
 * {@link #DEFAULT_MAX_RESPONSE_BYTES} ({@link FrameTooLongException}). A non-2xx answer becomes the exception
 * {@code ApiErrors} picks (401/403 {@code AuthenticationException}, 404 {@code NotFoundException}, 409
 * {@code ConflictException} or {@code PendingApprovalException}, 429 {@code RateLimitException}, others a
 * {@code TransportException} with the status and the body's tail); a connection that fails is a
 * {@link TransportException}. Idempotent requests are retried as {@link RetryPolicy} says; others never.
 *
 * <p><b>Lifecycle and threads.</b> Thread-safe: any number of threads may call at once, each blocking until its
 * answer. Owns one daemon event-loop thread named {@code letta-cloud-http-*} until {@link #close()}, which stops
 * it; calls after that throw {@link SessionClosedException}.
 */
public final class LettaHttp implements AutoCloseable {

    /** The default cap of a decompressed response body: agent states carry whole system prompts. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

    /** Headers the client owns; settings cannot replace them. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "authorization", "content-length",
            "content-type", "connection", "accept-encoding", "transfer-encoding", "x-letta-source");

    private static final byte[] NULL_BODY = "null".getBytes(StandardCharsets.US_ASCII);

    private final HttpSettings settings;
    private final RetryPolicy retries;
    private final RetryTiming timing;
    private final int maxResponseBytes;
    private final ApiErrors errors;
    private final EventLoopGroup group;
    private final Connector connector;
    private final EventStreamCall streams;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param settings where and how to reach the API
     * @param retries when to retry idempotent requests
     */
    public LettaHttp(HttpSettings settings, RetryPolicy retries) {
        this(settings, retries, RetryTiming.system(), DEFAULT_MAX_RESPONSE_BYTES, null);
    }

    /** @param settings where and how to reach the API; retries by {@link RetryPolicy#defaults()} */
    public LettaHttp(HttpSettings settings) {
        this(settings, RetryPolicy.defaults());
    }

    LettaHttp(HttpSettings settings, RetryPolicy retries, RetryTiming timing, int maxResponseBytes,
            TrustManagerFactory trust) {
        this.settings = Checks.requireNonNull(settings, "settings");
        this.retries = Checks.requireNonNull(retries, "retries");
        this.timing = timing;
        this.maxResponseBytes = Checks.requirePositive(maxResponseBytes, "maxResponseBytes");
        for (String name : settings.headers().keySet()) {
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException("extra header \"" + name + "\" is set by the client itself");
            }
        }
        Tls tls = settings.tls() ? Tls.client(trust) : null;  // before the thread starts: it may throw
        this.errors = new ApiErrors(settings);
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("letta-cloud-http", true),
                NioIoHandler.newFactory());
        this.connector = new Connector(settings, tls, errors, group);
        this.streams = new EventStreamCall(connector, errors, settings, timing.clock());
    }

    /**
     * Sends a request and reads the answer as a wire type.
     *
     * @param request what to send
     * @param type the wire record (or array of records) the 2xx body holds
     * @param <T> the wire type
     * @return the decoded body
     * @throws LettaCodeException as the class comment lists
     */
    public <T> T call(ApiRequest request, Class<T> type) {
        RawResponse response = exchange(request);
        return JsonCodec.read(response.body().length == 0 ? NULL_BODY : response.body(), type,
                request.toString());
    }

    /**
     * Sends a request whose answer is a JSON document to keep as the server wrote it (an agent file).
     *
     * @param request what to send
     * @return the body as UTF-8 text; a JSON string holding the document (as the OpenAPI document declares the
     *     export, and as a client may double-encode it) is unwrapped
     * @throws LettaCodeException as the class comment lists
     */
    public String document(ApiRequest request) {
        byte[] body = exchange(request).body();
        String text = new String(body, StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("\"") ? JsonCodec.read(body, String.class, request.toString()) : text;
    }

    /**
     * Sends a request whose answer's body does not matter.
     *
     * @param request what to send
     * @throws LettaCodeException as the class comment lists
     */
    public void send(ApiRequest request) {
        exchange(request);
    }

    /**
     * Sends a request whose answer is an event stream and returns once its headers have arrived, bounded as
     * {@link StreamLimits#of(HttpSettings)} says. See {@link #stream(ApiRequest, StreamLimits)}.
     *
     * @param request what to send
     * @return the open stream; close it
     * @throws LettaCodeException as {@link #stream(ApiRequest, StreamLimits)} says
     */
    public EventSource stream(ApiRequest request) {
        return stream(request, StreamLimits.of(settings));
    }

    /**
     * Sends a request whose answer is an event stream ({@code Accept: text/event-stream}) on a pipeline without
     * the aggregator: the body is decoded chunk by chunk into {@link SseEvent}s. Returns once the status line and
     * headers arrived; a non-2xx answer throws what {@link #call} would throw for it, an answer of another content
     * type a {@link ai.letta.code.api.exception.ProtocolException}. Never retried (a stream is a POST that runs
     * the agent). Connecting is bounded by {@code connectTimeout}, the headers by
     * {@link StreamLimits#headersTimeout()} ({@link OperationTimeoutException}).
     *
     * @param request what to send
     * @param limits the stream's bounds
     * @return the open stream; close it
     * @throws LettaCodeException as described
     */
    public EventSource stream(ApiRequest request, StreamLimits limits) {
        Checks.requireNonNull(limits, "limits");
        if (closed.get()) {
            throw new SessionClosedException("the Letta API client for " + errors.baseUrl() + " is closed ("
                    + request + " not sent)");
        }
        return streams.open(request, limits);
    }

    /** @return the base URL, credentials hidden, for messages */
    public String baseUrl() {
        return errors.baseUrl();
    }

    /** Stops the event-loop thread; idempotent. Calls in flight fail. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private RawResponse exchange(ApiRequest request) {
        Instant deadline = timing.clock().instant().plus(retries.overallBound());
        for (int retry = 0; ; retry++) {
            if (closed.get()) {
                throw new SessionClosedException("the Letta API client for " + errors.baseUrl() + " is closed ("
                        + request + " not sent)");
            }
            Duration retryAfter = null;
            LettaCodeException failure;
            Boolean shouldRetry = null;
            boolean retryable;
            try {
                RawResponse response = attempt(request, remaining(deadline));
                if (response.success()) {
                    return response;
                }
                retryAfter = RetryAfter.parse(response.headers().get("retry-after-ms"),
                        response.headers().get(HttpHeaderNames.RETRY_AFTER), timing.clock());
                failure = errors.of(request, response, retryAfter);
                shouldRetry = response.shouldRetry();
                retryable = transientStatus(response);
            } catch (Connector.Unreachable e) {
                failure = e.exception();
                retryable = true;
            }
            boolean again = request.idempotent() && retry < retries.maxRetries()
                    && (shouldRetry != null ? shouldRetry : retryable);
            if (!again) {
                throw failure;
            }
            Duration wait = retries.backoff(retry, timing.jitter().getAsDouble());
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            if (timing.clock().instant().plus(wait).isAfter(deadline)) {
                throw failure;
            }
            try {
                timing.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SessionClosedException("interrupted while waiting to retry " + request + " on the Letta "
                        + "API at " + errors.baseUrl(), failure);
            }
        }
    }

    /** 408, 429, 5xx: worth another try (a 503 {@code cloud_api_shutting_down} is a 5xx). */
    private static boolean transientStatus(RawResponse response) {
        int status = response.status();
        return status == 408 || status == 429 || status >= 500;
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(timing.clock().instant(), deadline);
        return left.compareTo(settings.requestTimeout()) < 0 ? left : settings.requestTimeout();
    }

    /** One connection, one request, one answer. */
    private RawResponse attempt(ApiRequest request, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw timedOut(request, timeout);
        }
        CompletableFuture<RawResponse> answer = new CompletableFuture<>();
        Channel channel = connector.connect(request, Math.min(settings.connectTimeout().toMillis(),
                timeout.toMillis()), new HttpObjectAggregator(maxResponseBytes), new ResponseCollector(answer));
        try {
            channel.writeAndFlush(connector.encode(request));
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timedOut(request, timeout);
        } catch (ExecutionException e) {
            throw failed(request, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionClosedException("interrupted while calling the Letta API at " + errors.baseUrl() + " ("
                    + request + ")", e);
        } finally {
            channel.close();
        }
    }

    private RuntimeException failed(ApiRequest request, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            return new FrameTooLongException(request + " on the Letta API at " + errors.baseUrl() + " answered with"
                    + " more than " + maxResponseBytes + " bytes, the response cap", maxResponseBytes);
        }
        return new Connector.Unreachable(errors.unreachable(request, cause));
    }

    private OperationTimeoutException timedOut(ApiRequest request, Duration timeout) {
        return new OperationTimeoutException(request + " on the Letta API at " + errors.baseUrl()
                + " did not answer within " + Math.max(0, timeout.toMillis()) + " ms (CloudOptions.requestTimeout; "
                + "a call with retries ends " + retries.overallBound().toSeconds() + " s after its first attempt)");
    }
}
