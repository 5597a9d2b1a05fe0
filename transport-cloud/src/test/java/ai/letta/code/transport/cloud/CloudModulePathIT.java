package ai.letta.code.transport.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.docs.JavaApplication;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud and remote jars as a user's application sees them: a small application module
 * ({@code src/test/module-path}: {@code requires ai.letta.code.core} and {@code ai.letta.code.testkit}) is compiled
 * against the built jars and run in a child JVM, on the module path (also with Guice reflecting instead of
 * generating classes) and on the class path. It creates an agent through the cloud backend's REST client against
 * the fake Letta API and reads it back, then runs one turn on the remote backend against the real app server
 * (deterministic backend). On the module path that checks the cloud and remote descriptors: their
 * {@code provides}, the {@code opens} to Guice and to Jackson (the REST and protocol wire records), and their
 * {@code requires}.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(300)
class CloudModulePathIT {

    private static final Path SOURCES = Path.of("src", "test", "module-path");
    private static final String MAIN = "cloudapp.CloudModulePathApp";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theCloudAndRemoteBackendsRunOnTheModulePath() {
        List<Path> jars = JavaApplication.sdkAndDependencies();
        assertThat(jars).as("the built SDK jars").anySatisfy(jar -> assertThat(JavaApplication.moduleName(jar))
                .isEqualTo("ai.letta.code.transport.cloud"));
        JavaApplication app = JavaApplication.compile(SOURCES, true, jars, dir.resolve("classes"));

        String output = app.run(MAIN, peers(), List.of(), RUN_TIMEOUT);

        assertThat(output).contains("sdk module: module ai.letta.code.core");
        assertTheAppRan(output);
    }

    @Test
    void theCloudAndRemoteBackendsRunOnTheModulePathWithGuiceReflecting() {
        JavaApplication app = JavaApplication.compile(SOURCES, true, JavaApplication.sdkAndDependencies(),
                dir.resolve("classes"));

        List<String> options = new ArrayList<>(peers());
        options.add("-Dguice_bytecode_gen_option=DISABLED");

        String output = app.run(MAIN, options, List.of(), RUN_TIMEOUT);

        assertTheAppRan(output);
    }

    @Test
    void theCloudAndRemoteBackendsRunOnTheClassPath() {
        JavaApplication app = JavaApplication.compile(SOURCES, false, JavaApplication.sdkAndDependencies(),
                dir.resolve("classes"));

        String output = app.run(MAIN, peers(), List.of(), RUN_TIMEOUT);

        assertThat(output).contains("sdk module: unnamed module");
        assertTheAppRan(output);
    }

    private static void assertTheAppRan(String output) {
        assertThat(output)
                .contains("cloud agent persona: You are Patch, a careful senior engineer.")
                .contains("cloud agents listed: 1")
                .contains("remote result: pong");
    }

    private static List<String> peers() {
        return List.of("-D" + PeerInstall.DIR_PROPERTY + "=" + PeerInstall.locate().directory());
    }
}
