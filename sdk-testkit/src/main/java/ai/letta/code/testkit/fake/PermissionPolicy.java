package ai.letta.code.testkit.fake;

import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.permission.ToolPermissionRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tool calls the fake asks {@code can_use_tool} for, like the CLI's {@code standard} mode: read-only tools and
 * read-only shell commands run without asking (local-stdio.md §4.5: {@code echo ...} ran without a prompt while
 * {@code touch approved.txt && ...} produced one); {@code bypassPermissions} asks only for tools that need the
 * user's input; {@code acceptEdits} also lets file edits through.
 */
final class PermissionPolicy {

    private static final Set<String> READ_ONLY_TOOLS = Set.of("Read", "Glob", "Grep", "LS");
    private static final Set<String> EDIT_TOOLS = Set.of("Write", "Edit", "MultiEdit");
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("echo", "printf", "cat", "ls", "pwd", "head",
            "tail", "wc", "grep", "true", "false", "date", "whoami", "uname", "which", "test", "stat", "sleep");
    private static final Set<String> READ_ONLY_GIT = Set.of("status", "log", "diff", "show");
    private static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||;|\\|");

    private PermissionPolicy() {}

    /**
     * @param mode the session's permission mode
     * @param toolName the tool
     * @param input its arguments
     * @return whether the call needs a decision from the client
     */
    static boolean needsApproval(PermissionMode mode, String toolName, Map<String, Object> input) {
        if (ToolPermissionRequest.asksUser(toolName)) {
            return true;
        }
        if (mode.isBypass() || READ_ONLY_TOOLS.contains(toolName)) {
            return false;
        }
        if (mode.equals(PermissionMode.ACCEPT_EDITS) && EDIT_TOOLS.contains(toolName)) {
            return false;
        }
        String command = ToolRunner.shellCommand(toolName, input);
        return command == null || !isReadOnly(command);
    }

    /**
     * @param command a shell command line
     * @return whether every part of it only reads (no redirection, no substitution, known read-only programs)
     */
    static boolean isReadOnly(String command) {
        if (command.isBlank() || command.contains(">") || command.contains("`") || command.contains("$(")) {
            return false;
        }
        for (String part : SEPARATORS.split(command)) {
            String[] words = part.strip().split("\\s+");
            String program = words[0].toLowerCase(Locale.ROOT);
            boolean readOnly = READ_ONLY_COMMANDS.contains(program)
                    || program.equals("git") && words.length > 1 && READ_ONLY_GIT.contains(words[1]);
            if (!readOnly) {
                return false;
            }
        }
        return true;
    }
}
