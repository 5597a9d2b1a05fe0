package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.docs.JavaApplication;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published jars as a user's application sees them: a small application module
 * ({@code src/test/module-path}: {@code requires ai.letta.code.core} and {@code ai.letta.code.testkit}, nothing
 * else) is compiled against the built jars and run in a child JVM, on the module path and on the class path. It
 * runs the quickstart on the real pinned CLI against a scripted model, then a prompt on the in-memory fake.
 *
 * <p>On the module path this checks every module descriptor on the local route: a package the quickstart uses that
 * is not exported fails the compile; a missing {@code uses}/{@code provides} fails {@code LettaCode.create}; a
 * missing {@code opens} to Guice fails the wiring (with Guice reflecting); a wrong {@code requires} fails the JVM's
 * start.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(300)
class ModulePathQuickstartIT {

    private static final Path SOURCES = Path.of("src", "test", "module-path");
    private static final String MAIN = "quickstart.ModulePathQuickstart";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void theQuickstartRunsOnTheModulePath() throws IOException {
        List<Path> jars = JavaApplication.sdkAndDependencies();
        assertThat(jars).as("the built SDK jars").anySatisfy(jar -> assertThat(JavaApplication.moduleName(jar))
                .isEqualTo("ai.letta.code.transport.local"));
        JavaApplication app = JavaApplication.compile(SOURCES, true, jars, dir.resolve("classes"));

        String output = app.run(MAIN, peers(), arguments(), RUN_TIMEOUT);

        assertThat(output)
                .contains("sdk module: module ai.letta.code.core")
                .contains("local transport module in the boot layer: true");
        assertTheQuickstartRan(output);
    }

    /**
     * Guice defines its fast classes through a lookup that ignores module boundaries, so by default a missing
     * {@code opens} goes unnoticed; with its bytecode generation off it reflects, as a stricter JVM would make it,
     * and needs every {@code opens ... to com.google.guice}.
     */
    @Test
    void theQuickstartRunsOnTheModulePathWithGuiceReflecting() throws IOException {
        JavaApplication app = JavaApplication.compile(SOURCES, true, JavaApplication.sdkAndDependencies(),
                dir.resolve("classes"));
        List<String> options = new ArrayList<>(peers());
        options.add("-Dguice_bytecode_gen_option=DISABLED");

        String output = app.run(MAIN, options, arguments(), RUN_TIMEOUT);

        assertThat(output).contains("sdk module: module ai.letta.code.core");
        assertTheQuickstartRan(output);
    }

    @Test
    void theQuickstartRunsOnTheClassPath() throws IOException {
        JavaApplication app = JavaApplication.compile(SOURCES, false, JavaApplication.sdkAndDependencies(),
                dir.resolve("classes"));

        String output = app.run(MAIN, peers(), arguments(), RUN_TIMEOUT);

        assertThat(output)
                .contains("sdk module: unnamed module")
                .contains("local transport module in the boot layer: false");
        assertTheQuickstartRan(output);
    }

    /**
     * A user's Maven project outside the repository ({@link FreshMavenProject}): the BOM, the local transport, the
     * testkit at test scope. After README's one install step it runs the quickstart example on the installed CLI,
     * on the module path and on the class path, against the jars this build made.
     */
    @Test
    void aFreshMavenProjectRunsTheQuickstartAfterTheInstallStep() throws IOException {
        FreshMavenProject project = FreshMavenProject.create(dir);

        String install = project.installPeers();
        String build = project.test();

        assertThat(install).contains("Installed in " + dir.resolve("cache"));
        assertThat(build).contains("BUILD SUCCESS")
                .contains("surefire:3.5.4:test (default-test) @ letta-quickstart")
                .contains("surefire:3.5.4:test (class-path) @ letta-quickstart")
                .contains("sdk module: module ai.letta.code.core")
                .contains("sdk module: unnamed module")
                .contains("sdk jar: file:" + project.repository().resolve("ai/letta/code/letta-code-sdk-core"));
        assertThat(build.split("quickstart: Hello from a fresh project\\.", -1)).as("two quickstart runs").hasSize(3);
    }

    private static void assertTheQuickstartRan(String output) {
        assertThat(output)
                .contains("assistant: Hello from the quickstart.")
                .contains("result: success")
                .contains("in-memory: Hello from the fake.");
    }

    private static List<String> peers() {
        return List.of("-D" + PeerInstall.DIR_PROPERTY + "=" + PeerInstall.locate().directory());
    }

    /** The working directory and a scratch {@code HOME} for the CLI. */
    private List<String> arguments() throws IOException {
        return List.of(Files.createDirectories(dir.resolve("work")).toString(),
                Files.createDirectories(dir.resolve("home")).toString());
    }
}
