/**
 * {@code LocalMode.APP_SERVER}: one loopback {@code letta server} per client ({@code LoopbackServer}), driven by the
 * remote backend's protocol client ({@code LoopbackBackend}), with what the shared server cannot do routed to the
 * stdio layers ({@code ServerMode}).
 */
package ai.letta.code.transport.local.server;
