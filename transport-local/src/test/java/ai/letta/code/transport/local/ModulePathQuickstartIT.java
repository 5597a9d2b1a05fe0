package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published jars as a user's application sees them: a small application module
 * ({@code src/test/module-path}: {@code requires ai.letta.code.core} and {@code ai.letta.code.testkit}, nothing
 * else) is compiled against the built jars and run in a child JVM, once on the module path and once on the class
 * path. It runs the quickstart on the real pinned CLI against a scripted model, then a prompt on the in-memory fake.
 *
 * <p>On the module path this checks every module descriptor on the local route: a package the quickstart uses that
 * is not exported fails the compile; a missing {@code uses}/{@code provides} fails {@code LettaCode.create}; a
 * missing {@code opens} to Guice fails the wiring; a wrong {@code requires} fails the JVM's start.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(300)
class ModulePathQuickstartIT {

    private static final Path SOURCES = Path.of("src", "test", "module-path");
    private static final Path MAIN = SOURCES.resolve("quickstart").resolve("ModulePathQuickstart.java");
    private static final String MAIN_CLASS = "quickstart.ModulePathQuickstart";
    /** What the test's class path has that a user's application would not: this module's tests and JUnit's. */
    private static final List<String> TEST_FRAMEWORK_MODULES = List.of("org.junit", "org.opentest4j",
            "org.apiguardian", "org.assertj", "net.bytebuddy");

    @TempDir
    Path dir;

    @Test
    void theQuickstartRunsOnTheModulePath() throws Exception {
        List<Path> jars = sdkAndDependencies();
        assertThat(jars).as("the built SDK jars").anySatisfy(jar -> assertThat(moduleName(jar))
                .isEqualTo("ai.letta.code.transport.local"));
        Path classes = compile(jars, true, List.of(SOURCES.resolve("module-info.java"), MAIN));

        String output = run(List.of("--module-path", path(classes, jars), "--module", "quickstart/" + MAIN_CLASS));

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
    void theQuickstartRunsOnTheModulePathWithGuiceReflecting() throws Exception {
        List<Path> jars = sdkAndDependencies();
        Path classes = compile(jars, true, List.of(SOURCES.resolve("module-info.java"), MAIN));

        String output = run(List.of("-Dguice_bytecode_gen_option=DISABLED", "--module-path", path(classes, jars),
                "--module", "quickstart/" + MAIN_CLASS));

        assertThat(output).contains("sdk module: module ai.letta.code.core");
        assertTheQuickstartRan(output);
    }

    @Test
    void theQuickstartRunsOnTheClassPath() throws Exception {
        List<Path> jars = sdkAndDependencies();
        Path classes = compile(jars, false, List.of(MAIN));

        String output = run(List.of("--class-path", path(classes, jars), MAIN_CLASS));

        assertThat(output)
                .contains("sdk module: unnamed module")
                .contains("local transport module in the boot layer: false");
        assertTheQuickstartRan(output);
    }

    private static void assertTheQuickstartRan(String output) {
        assertThat(output)
                .contains("assistant: Hello from the quickstart.")
                .contains("result: success")
                .contains("in-memory: Hello from the fake.");
    }

    /**
     * The SDK's jars and their dependencies, from this test's class path: what remains once this module's test
     * classes and the test framework are taken away. In a reactor build past {@code package}, the SDK's entries
     * are the built jars (with their descriptors).
     */
    private static List<Path> sdkAndDependencies() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && path.endsWith("test-classes") || !Files.exists(path)) {
                continue;
            }
            String module = moduleName(path);
            if (TEST_FRAMEWORK_MODULES.stream().noneMatch(module::startsWith)) {
                jars.add(path);
            }
        }
        return jars;
    }

    private static String moduleName(Path entry) {
        return ModuleFinder.of(entry).findAll().stream().findFirst().map(ModuleReference::descriptor)
                .map(d -> d.name()).orElse("");
    }

    private Path compile(List<Path> jars, boolean modular, List<Path> sources) throws IOException {
        Path out = Files.createDirectories(dir.resolve(modular ? "module-classes" : "classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("--release", "17", "-d", out.toString(),
                    modular ? "--module-path" : "--class-path", path(null, jars));
            boolean compiled = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertThat(compiled).as("the quickstart compiles against the SDK's jars: %s", diagnostics).isTrue();
        }
        return out;
    }

    private String run(List<String> launch) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home-" + System.nanoTime()));
        Path log = dir.resolve("quickstart-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-D" + PeerInstall.DIR_PROPERTY + "=" + PeerInstall.locate().directory()));
        command.addAll(launch);
        command.addAll(List.of(work.toString(), home.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = child.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exited).as("the quickstart ends within 180 s; its output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("the quickstart's exit code; its output:%n%s", output).isZero();
        return output;
    }

    private static String path(Path first, List<Path> rest) {
        Stream<Path> entries = first == null ? rest.stream() : Stream.concat(Stream.of(first), rest.stream());
        return entries.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
