package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A running <a href="https://github.com/stoplightio/prism">Prism</a> (the pinned {@code @stoplight/prism-cli},
 * installed by {@code sdk-testkit/peers/provision}) serving an OpenAPI document on a loopback port the OS chose:
 * either {@code prism mock <spec>} (answers every operation with an example generated from the document and
 * refuses requests that break it: 422, 401, 400, 404 or 405) or {@code prism proxy <spec> <upstream>} (forwards to
 * a server and checks its answers against the document). An independent reading of the Letta API's document,
 * for conformance tests of the REST client and of {@code FakeLettaApi}.
 *
 * <p>{@link #start()} returns once Prism printed {@code Prism is listening on http://127.0.0.1:PORT}, within the
 * startup timeout (about 4 s for the Letta document); otherwise it stops the process and throws a
 * {@link PeerProcessException} quoting both output tails. Prism runs as this JVM's direct child under the pinned
 * Node, with the allow-listed environment of the other peers and a fresh {@code HOME}. With {@link
 * Builder#errors(boolean) errors} on (the default), a response that breaks the document becomes a 422
 * {@code application/problem+json} answer instead of a log line, so a violation cannot go unnoticed. Every
 * {@code Violation:} and {@code Request terminated with error} line Prism logs is kept: {@link #violations()}.
 * {@link #close()} stops it (SIGTERM, grace, SIGKILL, descendants too) and deletes its folders; idempotent.
 *
 * <pre>{@code
 * Path spec = PrismMock.requireLettaSpec();          // skips the test when the document is absent
 * try (PrismMock prism = PrismMock.mock(spec).start()) {
 *     // point a client at prism.baseUrl()
 * }
 * }</pre>
 */
public final class PrismMock implements AutoCloseable {

    /** System property naming the Letta API's OpenAPI document. */
    public static final String SPEC_PROPERTY = "letta.openapi";
    /** Where the document lives when the property is not set, relative to the repository root. */
    public static final String SPEC_DEFAULT = "../shared/spec/letta-openapi.json";

    /** {@code Prism is listening on http://127.0.0.1:PORT}, printed once the socket is bound. */
    private static final Pattern LISTENING = Pattern.compile("Prism is listening on (http://[^\\s/]+)");
    private static final Pattern VIOLATION = Pattern.compile("Violation: |Request terminated with error");
    /** A file at the repository root that no module folder has. */
    private static final String ROOT_MARKER = "sdk-testkit/peers/versions.properties";

    private final ChildProcess child;
    private final ScratchDirs dirs;
    private final URI baseUrl;
    private final Duration startupTime;
    private final List<String> violations;
    private boolean stopped;

    private PrismMock(ChildProcess child, ScratchDirs dirs, URI baseUrl, Duration startupTime,
            List<String> violations) {
        this.child = child;
        this.dirs = dirs;
        this.baseUrl = baseUrl;
        this.startupTime = startupTime;
        this.violations = violations;
    }

    /** A builder of {@code prism mock <spec>} for the install found by {@link PeerInstall#locate()}. */
    public static Builder mock(Path spec) {
        return new Builder(PeerInstall.locate(), spec, null);
    }

    /** A builder of {@code prism proxy <spec> <upstream>} for the install found by {@link PeerInstall#locate()}. */
    public static Builder proxy(Path spec, URI upstream) {
        return new Builder(PeerInstall.locate(), spec, Objects.requireNonNull(upstream, "upstream"));
    }

    /** A builder for a given install; {@code upstream} null means {@code prism mock}. */
    public static Builder builder(PeerInstall install, Path spec, URI upstream) {
        return new Builder(install, spec, upstream);
    }

    /**
     * The Letta API's OpenAPI document: the system property {@value #SPEC_PROPERTY}, else {@value #SPEC_DEFAULT}
     * relative to the repository root (found from the working directory upwards).
     *
     * @return the document, if that file exists
     */
    public static Optional<Path> lettaSpec() {
        return lettaSpec(System::getProperty, Path.of("").toAbsolutePath());
    }

    /**
     * The document of {@link #lettaSpec()}, or a JUnit assumption failure (the test is skipped, not failed) whose
     * message says where it was looked for: a clone without the {@code shared} folder beside it has none.
     */
    public static Path requireLettaSpec() {
        Optional<Path> spec = lettaSpec();
        Assumptions.assumeTrue(spec.isPresent(), () -> "skipped: the Letta API's OpenAPI document is absent ("
                + describeSpecLookup(System::getProperty, Path.of("").toAbsolutePath()) + "); set -D"
                + SPEC_PROPERTY + "=<letta-openapi.json> to run the conformance tests");
        return spec.orElseThrow();
    }

    /** The lookup of {@link #lettaSpec()} with its inputs passed in, so tests need not touch the real ones. */
    static Optional<Path> lettaSpec(UnaryOperator<String> systemProperties, Path cwd) {
        Path candidate = specCandidate(systemProperties, cwd);
        return candidate != null && Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static Path specCandidate(UnaryOperator<String> systemProperties, Path cwd) {
        String property = systemProperties.apply(SPEC_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip()).toAbsolutePath().normalize();
        }
        Path root = repositoryRoot(cwd);
        return root == null ? null : root.resolve(SPEC_DEFAULT).normalize();
    }

    static String describeSpecLookup(UnaryOperator<String> systemProperties, Path cwd) {
        String property = systemProperties.apply(SPEC_PROPERTY);
        if (property != null && !property.isBlank()) {
            return "system property " + SPEC_PROPERTY + " names " + property.strip() + ", which is not a file";
        }
        Path candidate = specCandidate(systemProperties, cwd);
        return candidate == null
                ? "no repository root (a folder holding " + ROOT_MARKER + ") above " + cwd
                : candidate + " does not exist";
    }

    /** The nearest folder at or above {@code cwd} holding {@value #ROOT_MARKER}, or null. */
    static Path repositoryRoot(Path cwd) {
        for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ROOT_MARKER))) {
                return dir;
            }
        }
        return null;
    }

    /** {@code http://127.0.0.1:PORT}: where Prism listens; the document's paths ({@code /v1/...}) sit below it. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the port Prism listens on */
    public int port() {
        return baseUrl.getPort();
    }

    /** @return spawn to the {@code listening} line */
    public Duration startupTime() {
        return startupTime;
    }

    /** @return Prism's process id */
    public long pid() {
        return child.process().pid();
    }

    /** @return whether Prism still runs */
    public boolean isAlive() {
        return child.process().isAlive();
    }

    /** @return the command line it was started with */
    public List<String> command() {
        return child.command();
    }

    /**
     * Every violation Prism logged so far, in order: {@code Violation: request.body.name Request body property
     * name must be string}, {@code Violation: response.body.0.id ...} and {@code Request terminated with error:
     * https://stoplight.io/prism/errors#UNAUTHORIZED: ...}. Prism writes the line before it answers, so a caller
     * that got the answer sees it here once the output pump caught up (a few milliseconds).
     */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** @return the violations logged after the first {@code from} of {@link #violations()} */
    public List<String> violationsSince(int from) {
        List<String> all = violations();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** @return the last lines Prism wrote to stdout (its log), indented, for failure messages */
    public String stdoutTail() {
        return child.stdoutTail();
    }

    /** @return the last lines Prism wrote to stderr, indented, for failure messages */
    public String stderrTail() {
        return child.stderrTail();
    }

    /** Stops Prism (SIGTERM, 2 s grace, SIGKILL, descendants too) and deletes its folders. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            child.stop(Duration.ofSeconds(2), false);
        } finally {
            dirs.delete();
        }
    }

    @Override
    public String toString() {
        return "PrismMock[" + (isAlive() ? baseUrl : "stopped") + ", pid " + pid() + "]";
    }

    /** The options of one Prism; every setter validates. */
    public static final class Builder {
        private final PeerInstall install;
        private final Path spec;
        private final URI upstream;
        private boolean errors = true;
        private boolean dynamic;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder(PeerInstall install, Path spec, URI upstream) {
            this.install = Objects.requireNonNull(install, "install");
            this.spec = Objects.requireNonNull(spec, "spec").toAbsolutePath();
            if (upstream != null && !"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())) {
                throw new IllegalArgumentException("upstream must be an http(s) URL, was " + upstream);
            }
            this.upstream = upstream;
        }

        /**
         * Prism's {@code --errors}: a request or response breaking the document becomes a 422 problem+json answer
         * rather than a log line. Default true (a conformance test wants violations to fail loudly).
         */
        public Builder errors(boolean errors) {
            this.errors = errors;
            return this;
        }

        /**
         * Prism's {@code -d}: mock answers generated at random from the schemas rather than the document's static
         * examples. Default false: static answers are the same on every run. Mock mode only.
         */
        public Builder dynamic(boolean dynamic) {
            if (dynamic && upstream != null) {
                throw new IllegalArgumentException("dynamic examples are a mock option; a proxy forwards to "
                        + upstream);
            }
            this.dynamic = dynamic;
            return this;
        }

        /** How long to wait for the {@code listening} line; default 60 s (about 4 s on the Letta document). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = LettaCodeCli.requirePositive(timeout, "startupTimeout");
            return this;
        }

        /** Spawns Prism and waits until it listens. The caller owns the result and must close it. */
        public PrismMock start() {
            if (!Files.isRegularFile(spec)) {
                throw new IllegalArgumentException("the OpenAPI document " + spec + " does not exist");
            }
            Path prism = prismScript(install);
            List<String> command = new ArrayList<>(List.of(install.node().toString(), prism.toString(),
                    upstream == null ? "mock" : "proxy", spec.toString()));
            if (upstream != null) {
                command.add(upstream.toString());
            }
            command.addAll(List.of("-h", "127.0.0.1", "-p", "0", "--errors=" + errors));
            if (dynamic) {
                command.add("-d");
            }
            ScratchDirs dirs = ScratchDirs.create("prism-", null);
            try {
                Map<String, String> env = PeerEnvironment.base(install, dirs.home());
                env.put("SCARF_ANALYTICS", "false");
                List<String> violations = new ArrayList<>();
                CompletableFuture<URI> listening = new CompletableFuture<>();
                ChildProcess child = ChildProcess.start("prism", command, dirs.workDir(), env, 64 * 1024,
                        new LinePump.Sink() {
                            @Override
                            public void line(String line) {
                                Matcher matcher = LISTENING.matcher(line);
                                Matcher violation = VIOLATION.matcher(line);
                                if (matcher.find()) {
                                    listening.complete(URI.create(matcher.group(1)));
                                } else if (violation.find()) {
                                    synchronized (violations) {
                                        violations.add(line.substring(violation.start()));
                                    }
                                }
                            }

                            @Override
                            public void end(Exception failure) {
                                listening.completeExceptionally(new IOException("stdout ended"
                                        + (failure == null ? "" : " (" + failure.getMessage() + ")")));
                            }
                        });
                try {
                    child.stdin().close();
                } catch (IOException e) {
                    // Already gone; the wait below reports why.
                }
                URI base = awaitListening(child, listening, startupTimeout);
                return new PrismMock(child, dirs, base, child.sinceSpawn(), violations);
            } catch (RuntimeException e) {
                dirs.delete();
                throw e;
            }
        }
    }

    /** The {@code prism} entry script the provision script recorded, or why there is none. */
    static Path prismScript(PeerInstall install) {
        Path stamp = install.directory().resolve(PeerInstall.STAMP_FILE);
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(stamp, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new PeerNotInstalledException(List.of(stamp + " is unreadable (" + e.getMessage() + ")"));
        }
        String script = props.getProperty("prism");
        if (script == null || script.isBlank()) {
            throw new PeerNotInstalledException(List.of(stamp + " has no 'prism' key: the install predates the "
                    + "Prism pin (sdk-testkit/peers/versions.properties); provisioning again adds it"));
        }
        Path path = Path.of(script.strip());
        if (!Files.isRegularFile(path)) {
            throw new PeerNotInstalledException(List.of(stamp + " names prism " + path + ", which does not exist"));
        }
        return path;
    }

    private static URI awaitListening(ChildProcess child, CompletableFuture<URI> listening, Duration timeout) {
        String failure;
        try {
            return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "Prism printed no 'Prism is listening on http://…' line within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            child.awaitExit(Duration.ofSeconds(2));
            failure = "Prism ended before listening: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while waiting for Prism to listen";
        }
        String message = child.diagnostics(failure);
        child.stop(Duration.ofSeconds(2), false);
        throw new PeerProcessException(message);
    }
}
