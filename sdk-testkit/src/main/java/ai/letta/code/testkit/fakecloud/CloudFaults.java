package ai.letta.code.testkit.fakecloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The switchable faults of a {@link FakeLettaCloud}; thread-safe, read by the event loop, set by tests. */
final class CloudFaults {

    private final List<HttpFailure> failures = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();
    private volatile boolean pongsStopped;
    private volatile boolean sdkSocketsRefused;
    private int listenerUpgradeStatus;
    private int listenerUpgradeRejections;

    synchronized void failNext(HttpFailure failure, int count) {
        failures.add(failure);
        remaining.add(count);
    }

    synchronized void clearFailures() {
        failures.clear();
        remaining.clear();
    }

    /** The first armed failure matching the request, counting it down. */
    synchronized Optional<HttpFailure> take(String method, String path) {
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i).matches(method, path)) {
                HttpFailure failure = failures.get(i);
                if (remaining.get(i) == 1) {
                    failures.remove(i);
                    remaining.remove(i);
                } else {
                    remaining.set(i, remaining.get(i) - 1);
                }
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }

    synchronized void rejectListenerUpgrades(int status, int count) {
        listenerUpgradeStatus = status;
        listenerUpgradeRejections = count;
    }

    /** The status to refuse the next listener upgrade with, counting it down; 0 to accept. */
    synchronized int takeListenerUpgradeRejection() {
        if (listenerUpgradeRejections == 0) {
            return 0;
        }
        listenerUpgradeRejections--;
        return listenerUpgradeStatus;
    }

    boolean pongsStopped() {
        return pongsStopped;
    }

    void stopPongs(boolean stopped) {
        pongsStopped = stopped;
    }

    boolean sdkSocketsRefused() {
        return sdkSocketsRefused;
    }

    void refuseSdkSockets(boolean refused) {
        sdkSocketsRefused = refused;
    }
}
