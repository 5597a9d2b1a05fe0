package ai.letta.code.testkit.fakecloud;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.peer.ListenerProcess;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.script.RecordedRequest;

/**
 * A fake Letta Cloud that bridges an SDK to REAL Letta Code listeners ({@code letta server --computer-name}),
 * offline, on one loopback base URL (cloud-relay.md §11):
 *
 * <ul>
 *   <li>the Letta REST API, served by {@link #api()}, a {@link FakeLettaApi} on the same port: the listeners make
 *       their own REST calls there and the SDK creates agents and conversations there. Turns are scripted through
 *       it ({@code cloud.api().enqueue(TurnScript)}); it is also the contract peer's {@code ScriptedServer};</li>
 *   <li>the control plane: {@code POST /v1/environments/register}, {@code GET /v1/environments[/{deviceId}]},
 *       {@code POST /v1/environments/{connectionId}/messages}, managed sandboxes. Bearer {@link #apiKey()} only,
 *       else 401 {@code {"errorCode":"unauthorized"}} (the Letta API paths check no key);</li>
 *   <li>the relay: the listener's socket(s) at the register answer's {@code wsUrl} and the SDK's
 *       {@code /v1/environments/{connectionId}/status/ws}, with the rules {@link Relay} documents. An SDK upgrade
 *       for an unknown or superseded connection id is refused with HTTP 404;</li>
 *   <li>managed sandboxes backed by real listeners spawned as this JVM's children (optionally from a warm pool),
 *       and named environments via {@link #startListener};</li>
 *   <li>faults ({@link #closeListenerSockets}, {@link #killListener}, {@link #expireSandbox},
 *       {@link #dropSdkSockets}, {@link #refuseSdkSockets}, {@link #failRegistrations}, {@link #failNext},
 *       {@link #rejectListenerUpgrades}, {@link #stopPongs}) and observations ({@link #environments()},
 *       {@link #sandboxes()}, {@link #sdkSocketCount()}, {@link #unackedFrames()}, {@link #relayedFrames()},
 *       {@link #requests()}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (FakeLettaCloud cloud = FakeLettaCloud.builder().warmSandboxes(1).start()) {
 *     cloud.api().enqueue(TurnScript.builder().assistant("hi").build());
 *     // SDK: LETTA_BASE_URL=cloud.baseUrl(), LETTA_API_KEY=cloud.apiKey(), backend "cloud" ...
 * }
 * }</pre>
 *
 * <p>Everything the relay decides is "(fake)" in cloud-relay.md: the listener side is real, the Cloud side a
 * stand-in. Thread-safe; the server runs on one daemon event-loop thread, processes are spawned and stopped on
 * daemon threads. {@link #close()} stops every listener it spawned (none is left running), closes every socket and
 * stops its threads within a few seconds; idempotent.
 */
public final class FakeLettaCloud implements AutoCloseable {

    /** The API key accepted unless the builder names another. */
    public static final String DEFAULT_API_KEY = "fake-cloud-key";
    /** The {@code acting_user_id} injected unless the builder says otherwise. */
    public static final String DEFAULT_ACTING_USER_ID = "user-fake-1";

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Pattern REGISTER_PATH = Pattern.compile("^/v1/environments/register/?$");

    private final String apiKey;
    private final SocketMode socketMode;
    private final Duration listenerStartTimeout;
    private final EnvironmentRegistry registry = new EnvironmentRegistry();
    private final CloudFaults faults = new CloudFaults();
    private final FrameLog log;
    private final FakeLettaApi api;
    private final ListenerSpawner spawner;
    private final SandboxFleet fleet;
    private volatile boolean closed;

    private FakeLettaCloud(Builder builder) {
        this.apiKey = builder.apiKey;
        this.socketMode = builder.socketMode;
        this.listenerStartTimeout = builder.listenerStartTimeout;
        this.log = new FrameLog(builder.frameLogCapacity);
        ApiKeyCheck keys = new ApiKeyCheck(apiKey);
        Relay relay = new Relay(registry, new RelayOptions(builder.seq, builder.mirrorToControl,
                builder.actingUserId), faults, log);
        ControlPlane controlPlane = new ControlPlane(registry, relay, faults, keys, socketMode);
        this.api = builder.api.front(controlPlane::serve)
                .webSockets(new CloudSockets(registry, relay, faults, keys)).start();
        this.spawner = new ListenerSpawner(builder.install, api.baseUrl(), apiKey, builder.listenerEnv);
        this.fleet = new SandboxFleet(spawner, registry, builder.warmSandboxes);
        controlPlane.bind(api, fleet);
        fleet.warmUp();
    }

    /**
     * Options; {@link Builder#start()} binds the fake.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fake with every default.
     *
     * @return the running fake
     */
    public static FakeLettaCloud start() {
        return builder().start();
    }

    /** @return {@code http://127.0.0.1:<port>}: {@code LETTA_BASE_URL} for the SDK and the listeners */
    public URI baseUrl() {
        return api.baseUrl();
    }

    /** @return the one API key accepted */
    public String apiKey() {
        return apiKey;
    }

    /** @return the listener socket mode the register answer asks for */
    public SocketMode socketMode() {
        return socketMode;
    }

    /** @return the Letta REST API on the same port: script turns, inspect agents, conversations and requests here */
    public FakeLettaApi api() {
        return api;
    }

    /**
     * The SDK socket URL for a connection: {@code ws://127.0.0.1:PORT/v1/environments/{id}/status/ws?agentId=&
     * conversationId=[&channel=]}. Null arguments are left out.
     *
     * @param connectionId the listener's connection id
     * @param agentId the agent, or null
     * @param conversationId the conversation, or null
     * @param channel the channel ({@code control} or {@code stream}), or null
     * @return the URL
     */
    public URI sdkSocketUri(String connectionId, String agentId, String conversationId, String channel) {
        StringBuilder uri = new StringBuilder("ws://127.0.0.1:").append(api.port()).append("/v1/environments/")
                .append(Objects.requireNonNull(connectionId, "connectionId")).append("/status/ws");
        char separator = '?';
        Map<String, String> query = new LinkedHashMap<>();
        query.put("agentId", agentId);
        query.put("conversationId", conversationId);
        query.put("channel", channel);
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getValue() != null) {
                uri.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return URI.create(uri.toString());
    }

    /**
     * Starts a named environment: a real listener with a fresh HOME and cwd that picks its own device id, and
     * returns once its control socket is open (within the builder's listener start timeout).
     *
     * @param computerName the environment's name ({@code --computer-name})
     * @throws ai.letta.code.testkit.peer.PeerProcessException quoting the listener's output when it exits or
     *         stays offline; it is stopped then
     * @return the online listener
     */
    public CloudListener startListener(String computerName) {
        return startListener(computerName, null);
    }

    /**
     * Like {@link #startListener(String)}, registering with {@code deviceId} ({@code LETTA_LISTENER_DEVICE_ID}).
     *
     * @param computerName the environment's name ({@code --computer-name})
     * @param deviceId the device id to register with
     * @return the online listener
     */
    public CloudListener startListener(String computerName, String deviceId) {
        Objects.requireNonNull(computerName, "computerName");
        Instant spawnedAt = Instant.now();
        ListenerProcess process = spawner.spawn(computerName, deviceId);
        long deadline = System.nanoTime() + listenerStartTimeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            Optional<Environment> online = registry.environments().stream()
                    .filter(e -> e.online() && e.connectionName().equals(computerName)
                            && (deviceId != null ? e.deviceId().equals(deviceId)
                                    : !e.connectedAt().isBefore(spawnedAt)))
                    .findFirst();
            if (online.isPresent()) {
                spawner.learned(online.get().deviceId(), process);
                return new CloudListener(online.get().deviceId(), process, registry);
            }
            pause();
        }
        RuntimeException failure = process.failure(process.isAlive()
                ? "listener '" + computerName + "' was not online within " + listenerStartTimeout.toMillis() + " ms"
                : "listener '" + computerName + "' exited before it came online");
        process.stop();
        throw failure;
    }

    /**
     * Waits until the device's control socket is open; see {@link #awaitEnvironment}.
     *
     * @param deviceId the device
     * @param timeout the longest wait
     * @return the environment, online
     */
    public Environment awaitOnline(String deviceId, Duration timeout) {
        return awaitEnvironment(deviceId, Environment::online, timeout);
    }

    /**
     * Waits, polling every 20 ms, until the device is registered and {@code condition} holds.
     *
     * @param deviceId the device
     * @param condition what must hold
     * @param timeout the longest wait
     * @throws AssertionError on timeout, or when a listener this cloud spawned for the device exited meanwhile
     *         without being killed or stopped, quoting its output
     * @return the environment once it holds
     */
    public Environment awaitEnvironment(String deviceId, Predicate<Environment> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Environment> now = registry.environment(deviceId);
            if (now.isPresent() && condition.test(now.get())) {
                return now.get();
            }
            Optional<ListenerProcess> process = spawner.byDevice(deviceId);
            if (process.isPresent() && process.get().exitedOnItsOwn()) {
                throw new AssertionError(process.get().diagnostics("the listener of " + deviceId + " exited"
                        + "; environment now: " + now.orElse(null)));
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for environment " + deviceId
                        + "; now: " + now.orElse(null)
                        + process.map(p -> "\n" + p.diagnostics("its listener:")).orElse(""));
            }
            pause();
        }
    }

    /** @return every registered device, in first-registration order */
    public List<Environment> environments() {
        return registry.environments();
    }

    /**
     * What the cloud knows about a device.
     *
     * @param deviceId the device
     * @return the environment, or empty if it never registered
     */
    public Optional<Environment> environment(String deviceId) {
        return registry.environment(deviceId);
    }

    /** @return every sandbox created through the API, oldest first (warm ones not handed out yet are not listed) */
    public List<Sandbox> sandboxes() {
        return fleet.all();
    }

    /**
     * A sandbox created through the API.
     *
     * @param sandboxId the sandbox
     * @return the sandbox, or empty if there is none
     */
    public Optional<Sandbox> sandbox(String sandboxId) {
        return fleet.get(sandboxId);
    }

    /**
     * The listener process behind a device this cloud spawned (a sandbox's or a named one): pid, workDir, output
     * tails.
     *
     * @param deviceId the device
     * @return the process, or empty for a device this cloud did not spawn
     */
    public Optional<ListenerProcess> listenerProcess(String deviceId) {
        return spawner.byDevice(deviceId);
    }

    /**
     * Expires a sandbox as its TTL running out would: its listener is killed (SIGKILL) and refresh answers 404
     * {@code sandbox_not_found}; a create for the same agent and conversation then makes a new sandbox.
     *
     * @param sandboxId the sandbox
     */
    public void expireSandbox(String sandboxId) {
        // A listener still being spawned is waited for (spawning takes milliseconds), so none comes online later.
        ListenerProcess process = fleet.expire(sandboxId).handle((spawned, failure) -> spawned)
                .orTimeout(10, TimeUnit.SECONDS).join();
        if (process != null) {
            process.kill();
        }
    }

    /**
     * Closes the device's listener sockets with a close frame. What CLI 0.32.18 does (cloud-relay.md §8): 1011 (or
     * 4000, or 1000 with another reason) → reconnects at once to the same connection id; 1008
     * {@code "Environment not found"} → registers again and gets a NEW connection id (this cloud then closes the
     * old connection's SDK sockets with 1001); 1000 {@code "Replaced by new connection"} → exits 1.
     *
     * @param deviceId the device
     * @param code the close code
     * @param reason the close reason
     * @throws IllegalArgumentException for a device that never registered
     */
    public void closeListenerSockets(String deviceId, int code, String reason) {
        synchronized (registry) {
            Device device = registry.device(deviceId).orElseThrow(() -> unknownDevice(deviceId));
            if (device.current != null) {
                device.current.listenerSockets().forEach(socket -> socket.close(code, reason));
            }
        }
    }

    /**
     * @param process a process
     * @return whether it is a listener this cloud spawned, or one of its descendants (a tool it runs): the
     *     cloud's machine, not its client's
     */
    public boolean spawned(ProcessHandle process) {
        java.util.Set<Long> listeners = spawner.pids();
        for (Optional<ProcessHandle> p = Optional.of(process); p.isPresent(); p = p.get().parent()) {
            if (listeners.contains(p.get().pid())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Kills a listener this cloud spawned (SIGKILL, descendants too), as a crash would: the relay sees 1006, the
     * environment goes offline, SDK sockets stay open and hear nothing more (what the probe fake did; real Cloud's
     * behaviour is unknown). A sandbox whose listener was killed is {@link SandboxState#EXITED} and still resumed
     * and refreshed like a live one; expire or terminate it to get a fresh one. Returns the exit code.
     *
     * @param deviceId the device
     * @return the listener's exit code
     */
    public int killListener(String deviceId) {
        return spawner.byDevice(deviceId).orElseThrow(() -> unknownDevice(deviceId)).kill();
    }

    /**
     * Sends {@code text} as one frame to the SDK sockets of a conversation, as if the relay passed it on from the
     * listener: garbage, a wrongly typed frame, a huge one.
     *
     * @param conversationId the sockets' conversation (an agent id for its default conversation)
     * @param text the frame
     * @return how many sockets it went to
     */
    public int sendToSdkSockets(String conversationId, String text) {
        List<SdkSocket> sockets = registry.sdkSockets().stream()
                .filter(sdk -> sdk.conversationId == null || sdk.conversationId.equals(conversationId)
                        || conversationId.equals(sdk.agentId) && "default".equals(sdk.conversationId))
                .toList();
        sockets.forEach(sdk -> sdk.socket.send(text));
        return sockets.size();
    }

    /** Drops every open SDK socket without a close frame (they see 1006). */
    public void dropSdkSockets() {
        registry.sdkSockets().forEach(sdk -> sdk.socket.abort());
    }

    /**
     * While true, SDK socket upgrades are refused with 503 {@code service_unavailable}.
     *
     * @param refused whether to refuse them
     */
    public void refuseSdkSockets(boolean refused) {
        faults.refuseSdkSockets(refused);
    }

    /**
     * Fails the next {@code count} registrations with {@code status} and
     * {@code {"errorCode":"fake_failure","message":"fake register failure <status>"}}, plus {@code Retry-After}
     * when {@code retryAfterSeconds} is not null. CLI 0.32.18 retries 429 and 5xx (1, 2, 5 s... or Retry-After) and
     * exits 1 on other 4xx (cloud-relay.md §2).
     *
     * @param status the HTTP status
     * @param count how many registrations fail
     * @param retryAfterSeconds the {@code Retry-After} value, or null
     */
    public void failRegistrations(int status, int count, Integer retryAfterSeconds) {
        failNext("POST", REGISTER_PATH.pattern(), status,
                ErrorShape.ERROR_CODE.body("fake_failure", "fake register failure " + status), retryAfterSeconds,
                count);
    }

    /** Disarms every {@link #failNext} rule not used up yet. */
    public void clearFailures() {
        faults.clearFailures();
    }

    /**
     * Fails the next {@code count} HTTP requests (any path this port serves, Letta API ones included; not
     * websocket upgrades) whose method and path match, with {@code status} and {@code jsonBody} (see
     * {@link ErrorShape} for the three shapes), plus {@code Retry-After} when {@code retryAfterSeconds} is not null.
     * Rules are checked in the order they were added.
     *
     * @param method the HTTP method
     * @param status the HTTP status
     * @param jsonBody the error body
     * @param retryAfterSeconds the {@code Retry-After} value, or null
     * @param count how many requests fail
     * @param pathPattern a regular expression the whole path must match, e.g. {@code /v1/agents/?}
     */
    public void failNext(String method, String pathPattern, int status, String jsonBody, Integer retryAfterSeconds,
            int count) {
        Objects.requireNonNull(method, "method");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        if (CloudWire.object(jsonBody).isEmpty()) {
            throw new IllegalArgumentException("jsonBody must be a JSON object, was " + jsonBody);
        }
        faults.failNext(new HttpFailure(method, Pattern.compile(pathPattern), status, jsonBody, retryAfterSeconds),
                count);
    }

    /**
     * Refuses the next {@code count} listener socket upgrades with {@code status}; CLI 0.32.18 retries after 1, 2,
     * 4 s... (cloud-relay.md §8).
     *
     * @param status the HTTP status
     * @param count how many upgrades are refused
     */
    public void rejectListenerUpgrades(int status, int count) {
        if (status < 400 || status > 599 || count < 0) {
            throw new IllegalArgumentException("status must be 4xx/5xx and count >= 0, were " + status + ", "
                    + count);
        }
        faults.rejectListenerUpgrades(status, count);
    }

    /**
     * While true, listener pings get no pong: CLI 0.32.18 then drops and reconnects its sockets about 120 s after
     * the last pong (cloud-relay.md §3). SDK pings are still answered.
     *
     * @param stopped whether pongs stop
     */
    public void stopPongs(boolean stopped) {
        faults.stopPongs(stopped);
    }

    /** @return open SDK sockets, on every connection */
    public int sdkSocketCount() {
        synchronized (registry) {
            return (int) registry.sdkSockets().stream().filter(sdk -> sdk.socket.isOpen()).count();
        }
    }

    /** @return frames sent with a {@code seq} to SDK sockets still open and not acked yet (0 with seq off) */
    public int unackedFrames() {
        synchronized (registry) {
            return registry.sdkSockets().stream().filter(sdk -> sdk.socket.isOpen())
                    .mapToInt(SdkSocket::unackedCount).sum();
        }
    }

    /** @return the last frames the relay received from listeners and SDKs (pings included), oldest first; bounded */
    public List<RelayedFrame> relayedFrames() {
        return log.all();
    }

    /** @return every HTTP request and websocket upgrade this port received, oldest first */
    public List<RecordedRequest> requests() {
        return api.requests();
    }

    /** Stops every listener it spawned, closes every socket and stops its threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            spawner.stopAll();
        } finally {
            api.close();
        }
    }

    @Override
    public String toString() {
        return "FakeLettaCloud[" + baseUrl() + ", " + socketMode + ", " + environments().size() + " environments]";
    }

    private static IllegalArgumentException unknownDevice(String deviceId) {
        return new IllegalArgumentException("no listener with device id " + deviceId);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a listener", e);
        }
    }

    /** Options for {@link FakeLettaCloud}; every setter validates. Not thread-safe. */
    public static final class Builder {
        private final Map<String, String> listenerEnv = new LinkedHashMap<>();
        private FakeLettaApi.Builder api = FakeLettaApi.builder();
        private String apiKey = DEFAULT_API_KEY;
        private SocketMode socketMode = SocketMode.PAIRED;
        private boolean seq = true;
        private boolean mirrorToControl = true;
        private String actingUserId = DEFAULT_ACTING_USER_ID;
        private int warmSandboxes;
        private int frameLogCapacity = 4000;
        private Duration listenerStartTimeout = Duration.ofSeconds(30);
        private Supplier<PeerInstall> install = PeerInstall::locate;

        private Builder() {
        }

        /**
         * The one accepted API key; default {@value #DEFAULT_API_KEY}.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank, was '" + apiKey + "'");
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The listener socket mode to ask for; default {@link SocketMode#PAIRED}.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder socketMode(SocketMode mode) {
            this.socketMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Number every SDK-bound frame per socket with {@code seq} (the SDK must ack); default true.
         *
         * @param seq whether to number them
         * @return this builder
         */
        public Builder seq(boolean seq) {
            this.seq = seq;
            return this;
        }

        /**
         * Also send stream-type frames to SDK control sockets, as real Cloud may; default true.
         *
         * @param mirror whether to mirror them
         * @return this builder
         */
        public Builder mirrorToControl(boolean mirror) {
            this.mirrorToControl = mirror;
            return this;
        }

        /**
         * The {@code runtime.acting_user_id} added to SDK frames bound for the listener; null for none; default
         * {@value #DEFAULT_ACTING_USER_ID}. The listener echoes it in responses and sends it as
         * {@code X-Letta-Acting-User-Id} on its message posts.
         *
         * @param actingUserId the user id, or null
         * @return this builder
         */
        public Builder actingUserId(String actingUserId) {
            this.actingUserId = actingUserId;
            return this;
        }

        /**
         * Listeners pre-spawned for sandboxes, refilled after each create; default 0.
         *
         * @param count how many
         * @return this builder
         */
        public Builder warmSandboxes(int count) {
            if (count < 0 || count > 8) {
                throw new IllegalArgumentException("warmSandboxes must be 0..8, was " + count);
            }
            this.warmSandboxes = count;
            return this;
        }

        /**
         * An extra variable for every listener spawned (e.g. {@code LETTA_LISTENER_STREAM_OPEN_TIMEOUT_MS}).
         *
         * @param name the variable's name
         * @param value its value
         * @return this builder
         */
        public Builder listenerEnv(String name, String value) {
            listenerEnv.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * How long {@link FakeLettaCloud#startListener} waits for a listener to come online; default 30 s.
         *
         * @param timeout the wait
         * @return this builder
         */
        public Builder listenerStartTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("listenerStartTimeout must be > 0, was " + timeout);
            }
            this.listenerStartTimeout = timeout;
            return this;
        }

        /**
         * How many relayed frames {@link FakeLettaCloud#relayedFrames()} keeps; default 4000.
         *
         * @param capacity how many frames
         * @return this builder
         */
        public Builder frameLogCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("frameLogCapacity must be >= 1, was " + capacity);
            }
            this.frameLogCapacity = capacity;
            return this;
        }

        /**
         * The Node + CLI to spawn listeners with; default {@link PeerInstall#locate()}, looked up at first spawn.
         *
         * @param install the install
         * @return this builder
         */
        public Builder install(PeerInstall install) {
            Objects.requireNonNull(install, "install");
            this.install = () -> install;
            return this;
        }

        /**
         * The Letta API options (models, responder); its {@code front} and {@code webSockets} hooks are taken by
         * the cloud.
         *
         * @param api the options
         * @return this builder
         */
        public Builder api(FakeLettaApi.Builder api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /**
         * Binds the fake on a free loopback port and fills the warm pool (in the background).
         *
         * @return the running fake
         */
        public FakeLettaCloud start() {
            return new FakeLettaCloud(this);
        }
    }
}
