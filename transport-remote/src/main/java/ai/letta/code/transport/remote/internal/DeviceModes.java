package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionMode;
import java.util.List;
import java.util.Map;

/**
 * SDK permission modes to the app server's device modes. The server drops a {@code runtime_start} with a mode it
 * does not know without any reply (spec §2.2, §6.4), so unknown names are refused here, before anything is sent.
 */
final class DeviceModes {

    /** The device modes of CLI 0.32.18 ({@code VALID_PERMISSION_MODES}). */
    static final List<String> KNOWN = List.of("standard", "acceptEdits", "unrestricted", "strict");

    private static final Map<String, String> SDK_NAMES = Map.of(
            PermissionMode.DEFAULT.value(), "standard",
            PermissionMode.ACCEPT_EDITS.value(), "acceptEdits",
            PermissionMode.BYPASS_PERMISSIONS.value(), "unrestricted",
            PermissionMode.PLAN.value(), "strict");

    private DeviceModes() {
    }

    /**
     * @param mode the SDK's mode
     * @return the device mode the server accepts
     * @throws ConfigurationException if neither an SDK name nor a device mode
     */
    static String toWire(PermissionMode mode) {
        String wire = SDK_NAMES.get(mode.value());
        if (wire != null) {
            return wire;
        }
        if (KNOWN.contains(mode.value())) {
            return mode.value();
        }
        throw new ConfigurationException("SessionOptions.permissionMode \"" + mode.value() + "\" is not known to the"
                + " app server (it would silently ignore the session); use one of " + SDK_NAMES.keySet()
                + " or a device mode " + KNOWN);
    }
}
