package ai.letta.code.spi;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.permission.PermissionMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names the Letta Code peers (the CLI, the app server) and the TypeScript SDK use for some user values. */
public final class WireNames {

    /**
     * The {@link SystemPrompt#preset preset} names of the TypeScript SDK. A transport maps each to what its peer
     * accepts, or rejects it with a {@code ConfigurationException} that lists the accepted names.
     */
    public static final List<String> SDK_PRESETS = List.of("default", "letta-claude", "letta-codex", "letta-gemini",
            "claude", "codex", "gemini");

    /**
     * The permission modes of the CLI and the app server ("device modes", CLI 0.30+ {@code VALID_PERMISSION_MODES}),
     * the same on every peer.
     */
    public static final List<String> DEVICE_MODES = List.of("standard", "acceptEdits", "unrestricted", "strict");

    /** The SDK's four {@link PermissionMode}s to the device mode of the same meaning. */
    private static final Map<String, String> SDK_MODES = Map.of(
            PermissionMode.DEFAULT.value(), "standard",
            PermissionMode.ACCEPT_EDITS.value(), "acceptEdits",
            PermissionMode.BYPASS_PERMISSIONS.value(), "unrestricted",
            PermissionMode.PLAN.value(), "strict");

    private WireNames() {}

    /**
     * @param mode a permission mode
     * @return the peers' name for it: the device mode of one of the SDK's four modes, a device mode unchanged, or
     *     empty for a name neither knows (what then is the transport's choice: the CLI validates it itself, the app
     *     server drops it without a reply)
     */
    public static Optional<String> deviceMode(PermissionMode mode) {
        String device = SDK_MODES.get(mode.value());
        return device != null ? Optional.of(device)
                : DEVICE_MODES.contains(mode.value()) ? Optional.of(mode.value()) : Optional.empty();
    }

    /** @return the SDK's names of the modes {@link #deviceMode} maps, in no particular order */
    public static Set<String> sdkModes() {
        return SDK_MODES.keySet();
    }

    /**
     * @param trigger what starts a reflection
     * @return its name for the CLI's {@code --reflection-trigger} and the app server's reflection settings
     */
    public static String dreamingTrigger(Dreaming.Trigger trigger) {
        return switch (trigger) {
            case OFF -> "off";
            case STEP_COUNT -> "step-count";
            case COMPACTION_EVENT -> "compaction-event";
        };
    }
}
