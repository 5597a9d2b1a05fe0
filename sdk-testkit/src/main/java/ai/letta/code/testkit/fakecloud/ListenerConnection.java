package ai.letta.code.testkit.fakecloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.letta.code.testkit.script.WebSocketConnection;

/**
 * One registration ({@code connectionId}): the listener's sockets for it, the SDK sockets attached to it, and who
 * sent which {@code request_id}. Guarded by the {@link EnvironmentRegistry}'s lock.
 */
final class ListenerConnection {

    /** Request ids remembered per connection for routing responses; older ones fall back to runtime matching. */
    private static final int MAX_REQUEST_OWNERS = 1000;

    final String id;
    final Device device;
    final SocketMode mode;
    final List<SdkSocket> sdkSockets = new ArrayList<>();
    final Map<String, SdkSocket> requestOwners = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SdkSocket> eldest) {
            return size() > MAX_REQUEST_OWNERS;
        }
    };
    WebSocketConnection control;
    WebSocketConnection stream;
    /** False once the device registered again: the id is then unknown to new sockets. */
    boolean current = true;

    ListenerConnection(String id, Device device, SocketMode mode) {
        this.id = id;
        this.device = device;
        this.mode = mode;
    }

    boolean controlOpen() {
        return control != null && control.isOpen();
    }

    /** The listener's sockets that are open: control first. */
    List<WebSocketConnection> listenerSockets() {
        List<WebSocketConnection> open = new ArrayList<>();
        for (WebSocketConnection socket : new WebSocketConnection[] {control, stream}) {
            if (socket != null && socket.isOpen()) {
                open.add(socket);
            }
        }
        return open;
    }
}
