package ai.letta.code.transport.remote.internal;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.spi.AcceptedCommands;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** What {@code sendCommand} may send to the server, and the responses handed back. */
final class RawCommands {

    /**
     * Every command {@code type} the app server and the cloud listener take (CLI 0.32.18 {@code parseServerMessage}
     * of {@code protocol-inbound.ts}, which both run, with its teleport commands and the legacy {@code message}). It
     * drops any other frame without a reply (app-server-ws.md §5).
     */
    static final Set<String> ACCEPTED_TYPES = Set.of(
            "abort_message", "agent_create", "agent_delete", "agent_list", "agent_retrieve", "agent_update",
            "app_server_info", "change_device_state", "channel_account_bind", "channel_account_create",
            "channel_account_delete", "channel_account_start", "channel_account_stop", "channel_account_unbind",
            "channel_account_update", "channel_accounts_list", "channel_get_config", "channel_pairing_bind",
            "channel_pairings_list", "channel_route_remove", "channel_route_update", "channel_routes_list",
            "channel_set_config", "channel_start", "channel_stop", "channel_target_bind", "channel_targets_list",
            "channels_list", "chatgpt_usage_read", "checkout_branch", "connect_provider", "conversation_compact",
            "conversation_create", "conversation_fork", "conversation_list", "conversation_messages_list",
            "conversation_recompile", "conversation_retrieve", "conversation_update", "create_agent", "cron_add",
            "cron_delete", "cron_delete_all", "cron_get", "cron_list", "cron_pause", "cron_resume", "cron_runs",
            "cron_trigger", "cron_update", "delete_memory_file", "disconnect_provider", "edit_file", "enable_memfs",
            "execute_command", "external_tool_call_response", "file_ops", "get_cwd_map", "get_experiments",
            "get_reflection_settings", "get_tree", "grep_in_files", "input", "launch_subagent",
            "list_connect_providers", "list_in_directory", "list_memory", "list_models", "memory_commit_diff",
            "memory_file_at_ref", "memory_history", "message", "monitor_stop", "read_file", "read_memory_file",
            "remove_queue_item", "resume_queue", "runtime_external_tools_update", "runtime_start", "search_branches",
            "search_files", "secret_apply", "secret_list", "set_boot_working_directory", "set_experiment",
            "set_reflection_settings", "skill_disable", "skill_enable", "sync", "teleport_failed", "teleport_probe",
            "teleport_request", "terminal_input", "terminal_kill", "terminal_resize", "terminal_spawn",
            "unwatch_file", "update_model", "update_toolset", "watch_file", "write_file", "write_memory_file");

    private RawCommands() {
    }

    /**
     * @param backend remote, or cloud (whose relay reaches the same listener protocol)
     * @return what {@code sendCommand} may send
     */
    static AcceptedCommands accepted(BackendKind backend) {
        return new AcceptedCommands(backend, ACCEPTED_TYPES, "protocol v2 commands; a frame of another type is"
                + " dropped by the server without a reply");
    }

    /**
     * Sends a raw command and waits for the frame the user's matcher picks (the matcher runs off the event loop).
     *
     * @param connection the connection
     * @param key the session's runtime: the matcher sees its frames and frames of no session
     * @param command the raw command, checked by the engine (a string {@code type} and {@code request_id})
     * @param matcher the user's matcher
     * @param timeout how long to wait
     * @return the answer
     */
    static CommandResponse request(ServerConnection connection, RuntimeKey key, Map<String, Object> command,
            ResponseMatcher matcher, Duration timeout) {
        String type = (String) command.get("type");
        return response(Waits.await(connection.requestRaw(command, key, matcher, timeout), timeout.plusSeconds(1),
                "`" + type + "`"), connection.codec());
    }

    static CommandResponse response(ServerFrame frame, FrameCodec codec) {
        return new CommandResponse(frame.type(), codec.toMap(frame.json()));
    }
}
