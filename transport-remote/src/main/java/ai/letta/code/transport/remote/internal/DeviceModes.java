package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.WireNames;
import java.util.TreeSet;

/**
 * SDK permission modes to the app server's device modes ({@link WireNames#deviceMode}). The server drops a
 * {@code runtime_start} with a mode it does not know without any reply (spec §2.2, §6.4), so unknown names are
 * refused here, before anything is sent.
 */
final class DeviceModes {

    private DeviceModes() {
    }

    /**
     * @param mode the SDK's mode
     * @return the device mode the server accepts
     * @throws ConfigurationException if neither an SDK name nor a device mode
     */
    static String toWire(PermissionMode mode) {
        return WireNames.deviceMode(mode).orElseThrow(() -> new ConfigurationException("SessionOptions.permissionMode"
                + " \"" + mode.value() + "\" is not known to the app server (it would silently ignore the session);"
                + " use one of " + new TreeSet<>(WireNames.sdkModes()) + " or a device mode "
                + WireNames.DEVICE_MODES));
    }
}
