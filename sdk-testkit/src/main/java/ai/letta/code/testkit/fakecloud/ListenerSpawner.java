package ai.letta.code.testkit.fakecloud;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ai.letta.code.testkit.peer.ListenerProcess;
import ai.letta.code.testkit.peer.PeerInstall;

/**
 * Spawns real listeners against the fake cloud and remembers each one by device id, so faults can reach them and
 * {@link #stopAll()} leaves none behind. Spawning and stopping run on its own daemon threads, never on the event
 * loop. Thread-safe.
 */
final class ListenerSpawner {

    private final Supplier<PeerInstall> install;
    private final URI baseUrl;
    private final String apiKey;
    private final Map<String, String> extraEnv;
    private final Map<String, ListenerProcess> byDevice = new ConcurrentHashMap<>();
    private final List<ListenerProcess> spawned = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-cloud-listeners");
        thread.setDaemon(true);
        return thread;
    });
    private boolean closed;

    ListenerSpawner(Supplier<PeerInstall> install, URI baseUrl, String apiKey, Map<String, String> extraEnv) {
        this.install = install;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** Spawns a listener now; {@code deviceId} null lets it pick its own. */
    ListenerProcess spawn(String computerName, String deviceId) {
        synchronized (spawned) {
            if (closed) {
                throw new IllegalStateException("the fake cloud is closed");
            }
            ListenerProcess process = ListenerProcess.start(install.get(), baseUrl, apiKey, computerName, deviceId,
                    extraEnv);
            spawned.add(process);
            if (deviceId != null) {
                byDevice.put(deviceId, process);
            }
            return process;
        }
    }

    /** Spawns on a spawner thread. */
    CompletableFuture<ListenerProcess> spawnLater(String computerName, String deviceId) {
        return CompletableFuture.supplyAsync(() -> spawn(computerName, deviceId), threads);
    }

    /** Stops a listener on a spawner thread. */
    void stopLater(CompletableFuture<ListenerProcess> process) {
        process.thenAcceptAsync(ListenerProcess::stop, threads);
    }

    /** Remembers which device a listener that picked its own id turned out to be. */
    void learned(String deviceId, ListenerProcess process) {
        byDevice.put(deviceId, process);
    }

    /** @return the pids of the listeners this spawner started, live or not */
    Set<Long> pids() {
        return byDevice.values().stream().map(ListenerProcess::pid).collect(java.util.stream.Collectors.toSet());
    }

    Optional<ListenerProcess> byDevice(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId));
    }

    /** Stops every listener ever spawned, in parallel (each: SIGTERM, 2 s, SIGKILL), and the threads. */
    void stopAll() {
        List<ListenerProcess> all;
        synchronized (spawned) {
            closed = true;
            all = List.copyOf(spawned);
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ListenerProcess process : all) {
            stops.add(CompletableFuture.runAsync(process::stop, threads));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Reported by the leak check; a stop that throws already killed what it could.
        }
        threads.shutdownNow();
        awaitTermination(Duration.ofSeconds(2));
    }

    private void awaitTermination(Duration bound) {
        try {
            threads.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
