package ai.letta.code.transport.local.process;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.spi.WireNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headless stdio command line of CLI 0.32.18 (local-stdio.md §2.4–2.5), with the SDK's names mapped to the
 * CLI's. The legacy SDK's flags for persona, human, memory blocks and {@code --system-append} no longer exist in
 * 0.32.18 (the CLI exits with "Unknown option"), so they are never produced here.
 */
public final class CliArguments {

    /** The stdio protocol, both ways. */
    static final List<String> STREAM_JSON = List.of("-p", "--input-format", "stream-json", "--output-format",
            "stream-json");

    /** System prompt presets 0.32.18 accepts (its error message lists exactly these). */
    static final List<String> CLI_PRESETS = List.of("default", "letta", "source-claude", "source-codex",
            "source-gemini");

    /**
     * The TypeScript SDK's preset names mapped to the nearest 0.32.18 preset; names the CLI knows pass unchanged.
     * {@code letta-*} were the Letta-flavoured prompts per model family, now one {@code letta} preset;
     * {@code claude}/{@code codex}/{@code gemini} were the upstream tools' own prompts, now {@code source-*}.
     */
    static final Map<String, String> SDK_PRESETS = Map.of(
            "letta-claude", "letta", "letta-codex", "letta", "letta-gemini", "letta",
            "claude", "source-claude", "codex", "source-codex", "gemini", "source-gemini");

    /**
     * Flags the SDK sets itself: an {@code extraArgs} entry naming one would override what the session asked for
     * (the last occurrence wins), e.g. a permission mode, so they are refused.
     */
    static final List<String> MANAGED_FLAGS = List.of("-p", "--print", "--input-format", "--output-format",
            "--permission-mode", "--yolo", "--agent", "--conversation", "--new", "--new-agent", "--continue",
            "--backend");

    private CliArguments() {}

    /**
     * @param extraArgs {@code LocalOptions.extraArgs}
     * @return them, checked
     * @throws ConfigurationException for a flag the SDK manages, naming the option to use instead
     */
    public static List<String> checkExtraArgs(List<String> extraArgs) {
        for (String arg : extraArgs) {
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (MANAGED_FLAGS.contains(flag)) {
                throw new ConfigurationException("LocalOptions.extraArgs may not contain " + flag + ": the SDK sets"
                        + " it from the session (SessionOptions.permissionMode, the session target, the backend)"
                        + " and an extra one would override it");
            }
        }
        return extraArgs;
    }

    /**
     * @param value an id, model handle or other value that follows a flag
     * @param what what it is, for the message
     * @return the value
     * @throws ConfigurationException if it starts with {@code -}: the CLI would read it as an option
     */
    public static String value(String value, String what) {
        if (value.startsWith("-")) {
            throw new ConfigurationException(what + " \"" + value + "\" starts with '-', which the Letta Code CLI"
                    + " would read as an option; Letta ids look like agent-… or conv-…");
        }
        return value;
    }

    /**
     * @param target which conversation
     * @param options the session's options
     * @return the flags after {@code node letta.js} and the backend flags
     */
    public static List<String> session(SessionTarget target, SessionOptions options) {
        List<String> args = new ArrayList<>(STREAM_JSON);
        if (target instanceof SessionTarget.NewConversation n) {
            if (n.agentId() != null) {
                args.addAll(List.of("--agent", value(n.agentId(), "agent id")));
            }
            args.add("--new");
        } else if (target instanceof SessionTarget.AgentDefault d) {
            args.addAll(List.of("--agent", value(d.agentId(), "agent id"), "--conversation",
                    SessionTarget.DEFAULT_CONVERSATION));
        } else if (target instanceof SessionTarget.Existing e) {
            args.addAll(List.of("--conversation", value(e.conversationId(), "conversation id")));
        }
        args.addAll(List.of("--permission-mode", permissionMode(options.permissionMode())));
        options.model().ifPresent(m -> args.addAll(List.of("-m", value(m, "model"))));
        if (options.includePartialMessages()) {
            args.add("--include-partial-messages");
        }
        options.dreaming().ifPresent(d -> args.addAll(dreaming(d)));
        return args;
    }

    /**
     * A throwaway stdio process that creates an agent and reports it in {@code system/init}.
     *
     * @param agent what the agent is made of (only what 0.32.18 has flags for)
     * @return the flags
     */
    public static List<String> newAgent(AgentOptions agent) {
        List<String> args = new ArrayList<>(STREAM_JSON);
        args.add("--new-agent");
        // An explicit mode even here: the agent-creating process runs no turn, but never runs unrestricted.
        args.addAll(List.of("--permission-mode", permissionMode(PermissionMode.DEFAULT)));
        agent.model().ifPresent(m -> args.addAll(List.of("-m", value(m, "model"))));
        agent.embedding().ifPresent(e -> args.addAll(List.of("--embedding", value(e, "embedding"))));
        agent.systemPrompt().ifPresent(p -> args.addAll(systemPrompt(p)));
        if (!agent.tags().isEmpty()) {
            args.addAll(List.of("--tags", value(String.join(",", agent.tags()), "tags")));
        }
        return args;
    }

    /**
     * @param mode the SDK's mode
     * @return the CLI's name for it ({@link WireNames#deviceMode}); other names pass unchanged (the CLI validates
     *     them). The CLI's own default is {@code unrestricted}, so a mode is always passed: the seed's
     *     {@code default} must never silently become "approve everything".
     */
    static String permissionMode(PermissionMode mode) {
        return WireNames.deviceMode(mode).orElse(mode.value());
    }

    /**
     * @param prompt a preset or custom text
     * @return the flags
     * @throws ConfigurationException for a preset 0.32.18 does not know, listing the accepted names
     */
    static List<String> systemPrompt(SystemPrompt prompt) {
        if (prompt instanceof SystemPrompt.Custom c) {
            return List.of("--system-custom", c.text());
        }
        String name = ((SystemPrompt.Preset) prompt).name();
        String cliName = CLI_PRESETS.contains(name) ? name : SDK_PRESETS.get(name);
        if (cliName == null) {
            throw new ConfigurationException("System prompt preset \"" + name + "\" is not known to the Letta Code"
                    + " CLI 0.32.18. Accepted: " + String.join(", ", CLI_PRESETS) + ", and the TypeScript SDK names "
                    + String.join(", ", SDK_PRESETS.keySet().stream().sorted().toList())
                    + " (mapped to the nearest); or use SystemPrompt.custom(text)");
        }
        return List.of("--system", cliName);
    }

    static List<String> dreaming(Dreaming dreaming) {
        List<String> args = new ArrayList<>(List.of("--reflection-trigger", WireNames.dreamingTrigger(dreaming.trigger())));
        if (dreaming.trigger() == Dreaming.Trigger.STEP_COUNT) {
            args.addAll(List.of("--reflection-step-count", Integer.toString(dreaming.stepCount())));
        }
        return args;
    }
}
