package ai.letta.code.testkit.peer;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: after a test class (including its {@code @AfterAll} methods), no process started during the
 * class may still be a descendant of the JVM. Leftovers are killed and the class fails with their pids and command
 * lines. Processes that already existed before the class are ignored.
 *
 * <pre>{@code @ExtendWith(NoLeftoverProcesses.class) class MyPeerTest {}}</pre>
 *
 * <p>Assumes test classes run one at a time (the Maven and JUnit default); with classes running concurrently it
 * would also see the other classes' peers.
 */
public final class NoLeftoverProcesses implements BeforeAllCallback, AfterAllCallback {

    /** For {@code @ExtendWith}. */
    public NoLeftoverProcesses() {}

    /** How long stopped peers get to disappear before they count as leaked. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoLeftoverProcesses.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("baseline", ProcessLeakCheck.snapshot());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Set<ProcessHandle> baseline = context.getStore(NAMESPACE).get("baseline", Set.class);
        ProcessLeakCheck.assertNoLeftovers(baseline == null ? Set.of() : baseline, SETTLE,
                context.getDisplayName());
    }
}
