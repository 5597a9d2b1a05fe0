package ai.letta.code.testkit.contract;

import org.junit.jupiter.api.Nested;

/**
 * The fault matrix every transport plays once against its real peer, next to its {@link TransportContract} runs:
 * peer faults (crash, a frozen peer), connection faults (socket drop, server restart), frame faults (garbage,
 * wrongly typed, over the size cap), HTTP status faults, callback faults ({@code canUseTool} throws, never answers,
 * blocks) and cycle faults (create, open, send, close, {@link ContractSetup#faultCycles()} times). Each waits at most
 * its stated bound for a typed outcome and then checks that nothing is left behind ({@code FaultSupport}).
 *
 * <p>It is apart from the behaviour contract so that a transport with several modes (an app server on its own
 * backend and in API mode, a cloud environment and managed sandboxes) runs the behaviour in each mode and the
 * faults, which play on the same socket, pipe and process code in every mode, once.
 *
 * <pre>{@code
 * class InMemoryFaultMatrixTest extends FaultMatrix {
 *     @Override
 *     public ContractPeer createPeer() {
 *         return new InMemoryContractPeer();        // a transport module returns a peer of its real program
 *     }
 * }
 * }</pre>
 */
public abstract class FaultMatrix implements ContractSetup {

    /** For the transport's test, which subclasses it with its peer. */
    public FaultMatrix() {}

    @Nested
    class PeerFaults extends PeerFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }

    @Nested
    class ConnectionFaults extends ConnectionFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }

    @Nested
    class FrameFaults extends FrameFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }

    @Nested
    class HttpFaults extends HttpFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }

    @Nested
    class CallbackFaults extends CallbackFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }

    @Nested
    class CycleFaults extends CycleFaultContract {
        @Override
        protected ContractSetup setup() {
            return FaultMatrix.this;
        }
    }
}
