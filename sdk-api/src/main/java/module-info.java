/**
 * The SDK's public API: {@code LettaCodeClient}, {@code Session}, the options, events, exceptions and the Letta API
 * resource interfaces, in plain Java. The transport ports ({@code ai.letta.code.spi}) and the argument checks they
 * share ({@code ai.letta.code.internal}) are exported only to the SDK's own modules.
 */
@SuppressWarnings("module")
module ai.letta.code.api {
    exports ai.letta.code.api;
    exports ai.letta.code.api.agent;
    exports ai.letta.code.api.archive;
    exports ai.letta.code.api.backend;
    exports ai.letta.code.api.command;
    exports ai.letta.code.api.conversation;
    exports ai.letta.code.api.event;
    exports ai.letta.code.api.exception;
    exports ai.letta.code.api.group;
    exports ai.letta.code.api.message;
    exports ai.letta.code.api.model;
    exports ai.letta.code.api.permission;
    exports ai.letta.code.api.tool;

    // The qualified exports name modules built after this one: "module not found" is suppressed above for them.
    exports ai.letta.code.spi to
            ai.letta.code.core,
            ai.letta.code.testkit,
            ai.letta.code.transport.local,
            ai.letta.code.transport.remote,
            ai.letta.code.transport.cloud;
    exports ai.letta.code.internal to
            ai.letta.code.core,
            ai.letta.code.testkit,
            ai.letta.code.transport.local,
            ai.letta.code.transport.remote,
            ai.letta.code.transport.cloud;
}
