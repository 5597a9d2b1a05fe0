package ai.letta.code.testkit.docs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small application as a user of the SDK writes it, compiled against the built jars and run in a child JVM, on
 * the module path (its {@code module-info.java} included) or on the class path (without it). How a test checks the
 * published jars' module descriptors: a package the application uses that is not exported fails the compile; a
 * missing {@code uses}/{@code provides}, {@code opens} or {@code requires} fails the run.
 *
 * <pre>{@code
 * import ai.letta.code.testkit.docs.JavaApplication;
 * import java.nio.file.Files;
 * import java.nio.file.Path;
 *
 * List<Path> jars = JavaApplication.sdkAndDependencies();
 * Path classes = Files.createTempDirectory("app-");
 * JavaApplication app = JavaApplication.compile(Path.of("src/test/module-path"), true, jars, classes);
 * String output = app.run("quickstart.Main", List.of(), List.of(), Duration.ofSeconds(120));
 * }</pre>
 *
 * @param classes the compiled application
 * @param modular whether it runs on the module path
 * @param jars the SDK's jars and their dependencies
 */
public record JavaApplication(Path classes, boolean modular, List<Path> jars) {

    /** What a test's class path has that a user's application would not: JUnit, AssertJ and what they bring. */
    private static final List<String> TEST_FRAMEWORK_MODULES = List.of("org.junit", "org.opentest4j",
            "org.apiguardian", "org.assertj", "net.bytebuddy");

    /**
     * Copies the jars.
     *
     * @param classes the compiled application
     * @param modular whether it runs on the module path
     * @param jars the SDK's jars and their dependencies
     */
    public JavaApplication {
        Objects.requireNonNull(classes, "classes");
        jars = List.copyOf(jars);
    }

    /**
     * The SDK's jars and their dependencies, from this JVM's class path: what remains once the test classes and
     * the test framework are taken away. In a Maven build past {@code package} (failsafe's ITs), the SDK's
     * entries are the built jars, with their module descriptors.
     *
     * @return the entries, in class-path order
     */
    public static List<Path> sdkAndDependencies() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            // Test classes, also as the testkit's test-jar (the quickstart examples), which carries the testkit's
            // Automatic-Module-Name: a module's tests, not the SDK.
            if (!Files.exists(path) || Files.isDirectory(path) && path.endsWith("test-classes")
                    || path.getFileName().toString().endsWith("-tests.jar")) {
                continue;
            }
            String module = moduleName(path);
            if (TEST_FRAMEWORK_MODULES.stream().noneMatch(module::startsWith)) {
                jars.add(path);
            }
        }
        return jars;
    }

    /**
     * @param entry a jar or a classes folder
     * @return its module name (declared, or derived for an automatic module), or {@code ""} if it has none
     */
    public static String moduleName(Path entry) {
        return ModuleFinder.of(entry).findAll().stream().findFirst().map(ModuleReference::descriptor)
                .map(ModuleDescriptor::name).orElse("");
    }

    /**
     * Compiles every {@code .java} file under {@code sources} ({@code module-info.java} only when
     * {@code modular}) with {@code --release 17}.
     *
     * @param sources the application's source folder
     * @param modular whether to compile (and later run) it on the module path
     * @param jars the SDK's jars and their dependencies
     * @param out where the classes go
     * @return the compiled application
     * @throws AssertionError with the compiler's messages when it does not compile
     */
    public static JavaApplication compile(Path sources, boolean modular, List<Path> jars, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                Stream<Path> tree = Files.walk(sources)) {
            List<Path> units = tree.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> modular || !p.endsWith("module-info.java")).toList();
            Files.createDirectories(out);
            List<String> options = List.of("--release", "17", "-d", out.toString(),
                    modular ? "--module-path" : "--class-path", path(jars));
            if (!javac.getTask(diagnostics, files, null, options, null, files.getJavaFileObjectsFromPaths(units))
                    .call()) {
                throw new AssertionError("the application in " + sources + " does not compile against the SDK's"
                        + " jars (" + (modular ? "module" : "class") + " path):\n" + diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JavaApplication(out, modular, jars);
    }

    /**
     * Runs {@code mainClass} in a child JVM (this JVM's {@code java}) and waits for it to exit.
     *
     * @param mainClass the main class
     * @param jvmOptions options before the launch, e.g. {@code -Dname=value}
     * @param args the program's arguments
     * @param timeout the longest the run may take; then the child and its descendants are killed
     * @return everything the child wrote, stdout and stderr interleaved
     * @throws AssertionError quoting the output when it times out or exits with a code other than 0
     */
    public String run(String mainClass, List<String> jvmOptions, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        List<Path> entries = Stream.concat(Stream.of(classes), jars.stream()).toList();
        if (modular) {
            command.addAll(List.of("--module-path", path(entries), "--module", moduleName(classes) + "/" + mainClass));
        } else {
            command.addAll(List.of("--class-path", path(entries), mainClass));
        }
        command.addAll(args);
        Process child = null;
        Path log = null;
        try {
            log = Files.createTempFile("java-application-", ".log");
            child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String output = exited ? Files.readString(log, StandardCharsets.UTF_8) : null;
            if (!exited) {
                kill(child);
                output = Files.readString(log, StandardCharsets.UTF_8);
                throw new AssertionError(mainClass + " did not end within " + timeout.toSeconds() + " s; its output:\n"
                        + output);
            }
            if (child.exitValue() != 0) {
                throw new AssertionError(mainClass + " exited with " + child.exitValue() + "; its output:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + mainClass + " ran", e);
        } finally {
            if (child != null && child.isAlive()) {
                kill(child);
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // A temp file left behind is harmless; the run's outcome is what counts.
                }
            }
        }
    }

    private static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
