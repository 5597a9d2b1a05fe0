package ai.letta.code.api.permission;

import ai.letta.code.internal.Checks;

/**
 * How the agent's tool calls are approved. An open value type: the constants are the SDK's names (those of the
 * TypeScript SDK), {@link #of(String)} also takes the newer names ({@code standard}, {@code unrestricted},
 * {@code strict}: the same modes) and keeps any other name, and each transport maps the value to what its peer
 * calls it (for example {@code DEFAULT} is the CLI's {@code standard}). Whatever the peer's own default, the SDK
 * always sends the mode explicitly.
 *
 * @param value the mode's name as the SDK knows it
 */
public record PermissionMode(String value) {
    /** Ask {@code canUseTool} for every tool call the peer does not auto-approve (read-only ones are). */
    public static final PermissionMode DEFAULT = new PermissionMode("default");
    /** Like {@link #DEFAULT}, but file edits are approved without asking. */
    public static final PermissionMode ACCEPT_EDITS = new PermissionMode("acceptEdits");
    /** Plan only: the peer's strictest mode. */
    public static final PermissionMode PLAN = new PermissionMode("plan");
    /**
     * Approve every tool call that needs no answer from the user. Tools that ask the user something (for example
     * {@code AskUserQuestion}) still go to {@code canUseTool}.
     */
    public static final PermissionMode BYPASS_PERMISSIONS = new PermissionMode("bypassPermissions");

    /**
     * Validates the name.
     *
     * @param value the mode's name as the SDK knows it
     */
    public PermissionMode {
        Checks.requireText(value, "PermissionMode");
    }

    /**
     * @param value a mode name; the SDK's names and the newer ones ({@code standard}, {@code unrestricted},
     *     {@code strict}) map to the constants, anything else is kept as is
     * @return the mode
     */
    public static PermissionMode of(String value) {
        String name = Checks.requireText(value, "PermissionMode").strip();
        return switch (name) {
            case "default", "standard" -> DEFAULT;
            case "acceptEdits" -> ACCEPT_EDITS;
            case "plan", "strict" -> PLAN;
            case "bypassPermissions", "unrestricted" -> BYPASS_PERMISSIONS;
            default -> new PermissionMode(name);
        };
    }

    /** @return whether this is {@link #BYPASS_PERMISSIONS} */
    public boolean isBypass() {
        return equals(BYPASS_PERMISSIONS);
    }

    @Override
    public String toString() {
        return value;
    }
}
