package ai.letta.code.transport.local;

import ai.letta.code.examples.QuickstartExamples;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every quickstart example (the TypeScript SDK's quickstart snippets, ported to Java from the public API alone) on
 * the real pinned CLI in the local backend's default mode ({@code LocalMode.APP_SERVER}), on its local backend with
 * a scripted model: a fresh server, {@code HOME} and work dir per example. The local-only ones (a preset system
 * prompt) run only here; the stdio mode runs the whole contract ({@link LocalApiModeContractIT}).
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class LocalQuickstartExamplesIT extends QuickstartExamples {

    @Override
    public ContractPeer createPeer() {
        return new LocalBackendContractPeer(LocalMode.APP_SERVER);
    }
}
