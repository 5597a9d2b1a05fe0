package ai.letta.code.transport.local;

import ai.letta.code.testkit.docs.JavaApplication;
import ai.letta.code.testkit.peer.PeerInstall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * A user's Maven project in a folder outside the repository ({@code src/test/fresh-project} plus the quickstart
 * example), built against the reactor's jars and nothing the shared Maven repository would need to be written for:
 * the SDK's built jars and poms are laid out in a local repository of the project's own, and everything else (Maven's
 * plugins, Jackson, Netty, JUnit) is read from the build's repository as a read-only tail
 * ({@code maven.repo.local.tail}, Maven 3.9), offline. The one install step is README's
 * {@code java -cp … InstallPeers}, with an {@code npm} on its {@code PATH} that serves the provisioned
 * {@code .peers} instead of the registry, so nothing is downloaded.
 */
final class FreshMavenProject {

    private static final Path TEMPLATE = Path.of("src", "test", "fresh-project");
    private static final Path EXAMPLES = Path.of("..", "sdk-testkit", "src", "test", "java", "ai", "letta", "code",
            "examples");
    /** The SDK's artifacts a user's project resolves, by module name; their poms sit next to their target/. */
    private static final Map<String, String> ARTIFACTS = Map.of("ai.letta.code.api", "letta-code-sdk-api",
            "ai.letta.code.core", "letta-code-sdk-core", "ai.letta.code.transport.local", "letta-code-transport-local",
            "ai.letta.code.testkit", "letta-code-sdk-testkit");
    /** npm as PeerInstallSteps calls it (install --prefix P pkg@v, pack pkg@v), answered from the peers. */
    private static final String PEERS_NPM = """
            #!/bin/sh
            cmd=$1; shift; prefix=; pkg=
            while [ $# -gt 0 ]; do
              case "$1" in --prefix) prefix=$2; shift;; -*) ;; *) pkg=$1;; esac
              shift
            done
            name=${pkg%@*}
            case "$cmd:$name" in
              install:node-*) mkdir -p "$prefix/node_modules" && ln -s "$PEERS_NODE_PACKAGE" "$prefix/node_modules/$name";;
              install:ws) mkdir -p "$prefix/node_modules" && ln -s "$PEERS_WS_PACKAGE" "$prefix/node_modules/ws";;
              pack:*) tar -cf - -C "$PEERS_CLI_BUNDLE" package | gzip -1 > "letta-code-${pkg##*@}.tgz";;
              *) echo "peers npm: unexpected $cmd $pkg" >&2; exit 2;;
            esac
            """;

    private final Path dir;
    private final Path project;
    private final Path repository;
    private final Path cache;
    private final String version;

    private FreshMavenProject(Path dir, String version) {
        this.dir = dir;
        this.project = dir.resolve("project");
        this.repository = dir.resolve("repository");
        this.cache = dir.resolve("cache");
        this.version = version;
    }

    /**
     * Writes the project and its local repository under {@code dir}.
     *
     * @param dir an empty folder outside the repository
     * @return the project
     * @throws IOException if a file cannot be copied
     */
    static FreshMavenProject create(Path dir) throws IOException {
        List<Path> jars = JavaApplication.sdkAndDependencies().stream()
                .filter(jar -> ARTIFACTS.containsKey(JavaApplication.moduleName(jar))).toList();
        if (jars.size() != ARTIFACTS.size()) {
            throw new AssertionError("the built SDK jars on the class path are " + jars + ", expected one each of "
                    + ARTIFACTS.values());
        }
        Path transportJar = jars.stream()
                .filter(jar -> JavaApplication.moduleName(jar).equals("ai.letta.code.transport.local")).findFirst()
                .orElseThrow();
        String name = transportJar.getFileName().toString();
        String version = name.substring("letta-code-transport-local-".length(), name.length() - ".jar".length());
        FreshMavenProject fresh = new FreshMavenProject(dir, version);
        for (Path jar : jars) {
            Path module = jar.toAbsolutePath().getParent().getParent();
            fresh.seed(ARTIFACTS.get(JavaApplication.moduleName(jar)), jar, module.resolve("pom.xml"));
        }
        Path root = transportJar.toAbsolutePath().getParent().getParent().getParent();
        fresh.seed("letta-code-parent", null, root.resolve("pom.xml"));
        fresh.seed("letta-code-bom", null, root.resolve("letta-code-bom").resolve("pom.xml"));
        fresh.writeProject();
        return fresh;
    }

    /** Lays one artifact out as {@code install:install-file} would. */
    private void seed(String artifactId, Path jar, Path pom) throws IOException {
        Path folder = Files.createDirectories(repository.resolve(Path.of("ai", "letta", "code", artifactId, version)));
        String base = artifactId + "-" + version;
        Files.copy(pom, folder.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, folder.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeProject() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve(TEMPLATE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file).replace("@letta.version@", version)
                        .replace("@junit.version@", System.getProperty("letta.junit.version", "")));
            }
        }
        Path main = Files.createDirectories(project.resolve(Path.of("src", "main", "java", "ai", "letta", "code",
                "examples")));
        for (String example : List.of("Quickstart.java", "ExampleBackend.java")) {
            Files.copy(EXAMPLES.resolve(example), main.resolve(example));
        }
    }

    /** @return the local repository the project resolves the SDK from */
    Path repository() {
        return repository;
    }

    /**
     * README's install step: {@code java -cp <the SDK's jars> …InstallPeers}, into this project's
     * {@code XDG_CACHE_HOME}.
     *
     * @return what it printed
     */
    String installPeers() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("npm-bin"));
        Path npm = Files.writeString(bin.resolve("npm"), PEERS_NPM);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        PeerInstall peers = PeerInstall.locate();
        Map<String, String> env = environment();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("PEERS_NODE_PACKAGE", peers.node().getParent().getParent().toString());
        env.put("PEERS_CLI_BUNDLE", peers.cli().getParent().getParent().toString());
        env.put("PEERS_WS_PACKAGE", peers.cli().getParent().getParent().resolve("node_modules").resolve("ws")
                .toString());
        String classPath = JavaApplication.sdkAndDependencies().stream().map(Path::toString)
                .collect(Collectors.joining(":"));
        return run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                "ai.letta.code.transport.local.install.InstallPeers"), env, Duration.ofSeconds(120));
    }

    /**
     * Runs {@code mvn -o test} in the project: its test on the module path, then on the class path.
     *
     * @return Maven's output
     */
    String test() {
        String maven = System.getProperty("letta.maven.home");
        String shared = System.getProperty("letta.maven.repository");
        if (maven == null || shared == null) {
            throw new AssertionError("the build passes letta.maven.home and letta.maven.repository (pom.xml)");
        }
        return run(List.of(Path.of(maven, "bin", "mvn").toString(), "-B", "-o", "-f",
                project.resolve("pom.xml").toString(), "-Dmaven.repo.local=" + repository,
                "-Dmaven.repo.local.tail=" + shared, "-Dmaven.repo.local.tail.ignoreAvailability=true", "test"),
                environment(), Duration.ofSeconds(240));
    }

    /** The caller's environment without what would name a CLI, and with this project's cache. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("LETTA_CLI_PATH");
        env.remove("MAVEN_ARGS");
        env.put("XDG_CACHE_HOME", cache.toString());
        return env;
    }

    private String run(List<String> command, Map<String, String> env, Duration timeout) {
        CommandLine line = new CommandLine(command.get(0));
        command.subList(1, command.size()).forEach(argument -> line.addArgument(argument, false));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().setWorkingDirectory(dir.toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(output));
        executor.setWatchdog(watchdog);
        try {
            executor.execute(line, env);
            return output.toString(StandardCharsets.UTF_8);
        } catch (ExecuteException e) {
            throw new AssertionError(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " "
                    + (watchdog.killedProcess() ? "did not end within " + timeout.toSeconds() + " s"
                    : "exited with " + e.getExitValue()) + "; its output:\n" + output.toString(StandardCharsets.UTF_8),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
