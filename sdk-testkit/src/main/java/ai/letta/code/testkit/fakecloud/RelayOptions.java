package ai.letta.code.testkit.fakecloud;

/**
 * The relay's fixed behaviour, chosen on the builder.
 *
 * @param seq             add a per-SDK-socket {@code seq} to every SDK-bound frame, expecting {@code ack}s
 * @param mirrorToControl also send stream-type frames to SDK control sockets
 * @param actingUserId    put into {@code runtime.acting_user_id} of SDK frames to the listener; null: don't
 */
record RelayOptions(boolean seq, boolean mirrorToControl, String actingUserId) {
}
