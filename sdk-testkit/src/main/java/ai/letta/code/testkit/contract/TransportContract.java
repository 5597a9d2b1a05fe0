package ai.letta.code.testkit.contract;

import org.junit.jupiter.api.Nested;

/**
 * The behaviour contract every transport passes against its real peer in each of its modes, and sdk-testkit against
 * the in-memory fake: each suite (agents, sessions, turns, permissions, lifecycle, controls, observation, and one
 * per Letta API resource family: the nested classes below) runs as a nested class over peers from
 * {@link #createPeer()}, with the timeouts of this {@link ContractSetup}. The faults are apart, in
 * {@link FaultMatrix}, which each transport plays once.
 *
 * <pre>{@code
 * class LocalTransportContractTest extends TransportContract {
 *     @Override
 *     public ContractPeer createPeer() {
 *         return new InMemoryContractPeer();        // a transport module returns a peer of its real program
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh peer and closes it afterwards, whatever happens. Scenarios that need a
 * {@link ContractFeature} the peer lacks either assert the SDK's {@code UnsupportedFeatureException} (where the API
 * promises one) or are skipped, naming the feature. A transport may also extend a single suite directly.
 */
public abstract class TransportContract implements ContractSetup {

    /** For the transport's test, which subclasses it with its peer. */
    public TransportContract() {}

    @Nested
    class Agents extends AgentContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Sessions extends SessionContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Turns extends TurnContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Permissions extends PermissionContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Controls extends ControlContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Observation extends ObservationContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Resources extends ResourceContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class ArchiveResources extends ArchiveContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class ConversationResources extends ConversationResourceContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Tools extends ToolContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class AgentResources extends AgentResourceContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class SleeptimeGroups extends GroupContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Blocks extends BlockContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }

    @Nested
    class Messages extends MessageContract {
        @Override
        protected ContractSetup setup() {
            return TransportContract.this;
        }
    }
}
