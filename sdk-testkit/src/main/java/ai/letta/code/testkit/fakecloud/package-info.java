/**
 * {@link ai.letta.code.testkit.fakecloud.FakeLettaCloud}: a fake Letta Cloud (control plane, listener relay,
 * managed sandboxes) that bridges an SDK to real Letta Code listeners offline, on the same port as
 * {@link ai.letta.code.testkit.fakeapi.FakeLettaApi}. The wire facts it follows are in cloud-relay.md.
 */
package ai.letta.code.testkit.fakecloud;
