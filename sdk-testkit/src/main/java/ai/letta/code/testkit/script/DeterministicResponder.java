package ai.letta.code.testkit.script;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The request-driven script of offline-peers.md §4.6; see {@link Responder#deterministic()}. */
final class DeterministicResponder implements Responder {

    static final String DEFAULT_COMMAND = "touch approved.txt && echo deterministic-tool-ok";

    private final String command;

    DeterministicResponder(String command) {
        this.command = Objects.requireNonNull(command, "command");
    }

    @Override
    public TurnScript respond(TurnRequest request) {
        Optional<TurnRequest.ToolResult> toolResult = request.toolResult();
        if (toolResult.isPresent()) {
            return TurnScript.text("tool said: " + toolResult.get().firstLine());
        }
        if (request.userText().toLowerCase(Locale.ROOT).contains("tool")) {
            return shellCall(request);
        }
        return TurnScript.builder().reasoning("thinking about ping").assistant("po", "ng").build();
    }

    private TurnScript shellCall(TurnRequest request) {
        // The toolset depends on the model handle (offline-peers.md §4.4): Claude-style models get Bash,
        // codex-style ones exec_command. Call whichever the client offered, with the arguments its schema names.
        Optional<TurnRequest.ToolSchema> bash = request.tool("Bash");
        Optional<TurnRequest.ToolSchema> exec = request.tool("exec_command");
        Map<String, Object> arguments = new LinkedHashMap<>();
        String name;
        if (bash.isPresent()) {
            name = "Bash";
            arguments.put("command", command);
            if (bash.get().has("description") || bash.get().parameters().isEmpty()) {
                arguments.put("description", "deterministic test command");
            }
        } else if (exec.isPresent()) {
            name = "exec_command";
            arguments.put("cmd", command);
            arguments.put("description", "deterministic test command");
            // login:false avoids login-shell start-up noise in the wrapped output.
            arguments.put("login", false);
        } else {
            return TurnScript.builder().reasoning("I would run a shell tool, but none was offered.")
                    .assistant("no shell tool offered").build();
        }
        return TurnScript.builder().reasoning("I should run the shell tool.").toolCall(name, arguments).build();
    }

    @Override
    public String toString() {
        return "Responder.deterministic(" + command + ")";
    }
}
