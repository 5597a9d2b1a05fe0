package ai.letta.code.testkit.script;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A wire-neutral view of one model request, for {@link Responder}s and {@link ScriptPart.AssistantTextFrom}:
 * what the user said (or which tool result came back), which tools were offered, and the raw request.
 * Immutable.
 */
public final class TurnRequest {

    private final String conversation;
    private final String model;
    private final String userText;
    private final ToolResult toolResult;
    private final List<ToolSchema> tools;
    private final RecordedRequest recorded;

    /**
     * @param conversation the conversation the request belongs to ({@code ""} when the wire has none)
     * @param model        the model the request is for (the id or handle the wire carries; may be {@code ""})
     * @param userText     the last user text, {@code <system-reminder>} parts skipped ({@code ""} if none)
     * @param toolResult   the tool result this request carries back, or null for a user message
     * @param tools        the tools the client offered the model
     * @param recorded     the raw HTTP request
     */
    public TurnRequest(String conversation, String model, String userText, ToolResult toolResult,
                       List<ToolSchema> tools, RecordedRequest recorded) {
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.model = Objects.requireNonNull(model, "model");
        this.userText = Objects.requireNonNull(userText, "userText");
        this.toolResult = toolResult;
        this.tools = List.copyOf(tools);
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    /** @return the conversation id ({@code ""} on wires without conversations, e.g. chat completions) */
    public String conversation() {
        return conversation;
    }

    /** @return the model id or handle the request names */
    public String model() {
        return model;
    }

    /** @return the last user text with system reminders skipped; {@code ""} for a tool-result request */
    public String userText() {
        return userText;
    }

    /** @return the tool result this request carries, when it continues a turn after a tool call */
    public Optional<ToolResult> toolResult() {
        return Optional.ofNullable(toolResult);
    }

    /** @return the tools offered to the model (Letta {@code client_tools}, chat-completions {@code tools}) */
    public List<ToolSchema> tools() {
        return tools;
    }

    /**
     * The tool named {@code name}, if offered.
     *
     * @param name the tool's name
     * @return the tool, or empty
     */
    public Optional<ToolSchema> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** @return the raw HTTP request */
    public RecordedRequest recorded() {
        return recorded;
    }

    @Override
    public String toString() {
        return "TurnRequest[conversation=" + conversation + ", model=" + model + ", userText=" + userText
                + ", toolResult=" + toolResult + ", tools=" + tools.size() + "]";
    }

    /**
     * A tool result sent back to the model. {@code content} is the tool output (or the denial reason);
     * {@code error} is true for a failed or denied call.
     */
    public record ToolResult(String toolCallId, String content, boolean error) {
        /**
         * Validates.
         *
         * @param toolCallId the call's id
         * @param content the tool output or the denial reason
         * @param error whether the call failed or was denied
         */
        public ToolResult {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(content, "content");
        }

        /** @return the first line of the content, as the deterministic responder echoes it */
        public String firstLine() {
            int newline = content.indexOf('\n');
            return newline < 0 ? content : content.substring(0, newline);
        }
    }

    /** A tool the client offered: its name and the names of its parameters (JSON Schema properties). */
    public record ToolSchema(String name, List<String> parameters) {
        /**
         * Validates and copies.
         *
         * @param name the tool's name
         * @param parameters the names of its parameters
         */
        public ToolSchema {
            Objects.requireNonNull(name, "name");
            parameters = List.copyOf(parameters);
        }

        /**
         * Whether the schema declares a parameter called {@code parameter}.
         *
         * @param parameter the parameter's name
         * @return whether it does
         */
        public boolean has(String parameter) {
            return parameters.contains(parameter);
        }
    }
}
