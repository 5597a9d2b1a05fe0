package ai.letta.code.transport.cloud.session;

import ai.letta.code.api.backend.ExecutionTarget;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.transport.cloud.rest.CloudEnvironment;
import java.util.List;

/**
 * A named environment: resolved once through {@code GET /v1/environments} (by name or id, by connection id, or by
 * device id), then followed by its device id, which survives re-registration.
 */
final class EnvironmentLocator implements ListenerLocator {

    private final SessionControl control;
    private final ExecutionTarget.Environment target;
    private volatile String deviceId;
    private volatile String name;

    EnvironmentLocator(SessionControl control, ExecutionTarget.Environment target) {
        this.control = control;
        this.target = target;
    }

    @Override
    public String connectionId() {
        CloudEnvironment environment = deviceId == null ? find() : control.environment(deviceId);
        deviceId = environment.deviceId();
        name = environment.connectionName();
        if (!environment.online()) {
            throw new TransportException("environment " + describe() + " is offline: start its listener "
                    + "(`letta server --computer-name " + name + "`) or pick another ExecutionTarget");
        }
        return environment.connectionId();
    }

    private CloudEnvironment find() {
        if (target.selector() == ExecutionTarget.Environment.Selector.DEVICE_ID) {
            try {
                return control.environment(target.value());
            } catch (NotFoundException e) {
                throw unknown();
            }
        }
        List<CloudEnvironment> all = control.environments();
        List<CloudEnvironment> matches = all.stream().filter(e -> switch (target.selector()) {
            case CONNECTION_ID -> target.value().equals(e.connectionId());
            case NAME_OR_ID -> target.value().equals(e.id()) || target.value().equals(e.connectionName());
            case DEVICE_ID -> target.value().equals(e.deviceId());
        }).toList();
        if (matches.size() > 1 && matches.stream().anyMatch(e -> target.value().equals(e.id()))) {
            return matches.stream().filter(e -> target.value().equals(e.id())).findFirst().orElseThrow();
        }
        if (matches.size() > 1) {
            throw new ConfigurationException("environment name \"" + target.value() + "\" is ambiguous: "
                    + matches.size() + " environments share it (" + matches.stream()
                    .map(CloudEnvironment::id).toList() + "); select one by id or device id");
        }
        if (matches.isEmpty()) {
            throw unknown();
        }
        return matches.get(0);
    }

    private NotFoundException unknown() {
        return new NotFoundException("no environment " + target.value() + " (" + target.selector().name()
                .toLowerCase(java.util.Locale.ROOT) + ") is registered with Letta Cloud; start "
                + "`letta server --computer-name NAME` on the machine, or use ExecutionTarget.sandbox()");
    }

    @Override
    public String describe() {
        return name != null ? "\"" + name + "\"" : "\"" + target.value() + "\"";
    }

    @Override
    public void close() {
        // nothing held: the environment is the user's machine
    }
}
