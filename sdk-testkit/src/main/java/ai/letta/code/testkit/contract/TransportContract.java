package ai.letta.code.testkit.contract;

import java.time.Duration;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract every transport passes against its real peer, and sdk-testkit against the in-memory fake:
 * each suite ({@link AgentContract}, {@link SessionContract}, {@link TurnContract}, {@link PermissionContract},
 * {@link LifecycleContract}, {@link ControlContract}, {@link ObservationContract}) runs as a nested class over
 * peers from {@link #createPeer()}.
 *
 * <pre>{@code
 * class LocalTransportContractTest extends TransportContract {
 *     @Override
 *     protected ContractPeer createPeer() {
 *         return LocalContractPeer.start();          // the real CLI against FakeLettaApi
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh peer and closes it afterwards, whatever happens. Scenarios that need a
 * {@link ContractFeature} the peer lacks either assert the SDK's {@code UnsupportedFeatureException} (where the API
 * promises one) or are skipped, naming the feature. A transport may also extend a single suite directly.
 */
public abstract class TransportContract {

    /** @return a fresh peer for one test; the suite closes it */
    protected abstract ContractPeer createPeer();

    /** @return the longest a turn, an open or a close may take (default 30 s) */
    protected Duration turnTimeout() {
        return Duration.ofSeconds(30);
    }

    /** @return the idle timeout the idle-watchdog scenario sets (default 1 s) */
    protected Duration idleTimeout() {
        return Duration.ofSeconds(1);
    }

    /** @return how long the raw-command timeout scenario waits (default 500 ms) */
    protected Duration unansweredCommandTimeout() {
        return Duration.ofMillis(500);
    }

    @Nested
    class Agents extends AgentContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }
    }

    @Nested
    class Sessions extends SessionContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }
    }

    @Nested
    class Turns extends TurnContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }
    }

    @Nested
    class Permissions extends PermissionContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }

        @Override
        protected Duration idleTimeout() {
            return TransportContract.this.idleTimeout();
        }
    }

    @Nested
    class Controls extends ControlContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }

        @Override
        protected Duration unansweredCommandTimeout() {
            return TransportContract.this.unansweredCommandTimeout();
        }
    }

    @Nested
    class Observation extends ObservationContract {
        @Override
        protected ContractPeer createPeer() {
            return TransportContract.this.createPeer();
        }

        @Override
        protected Duration turnTimeout() {
            return TransportContract.this.turnTimeout();
        }
    }
}
