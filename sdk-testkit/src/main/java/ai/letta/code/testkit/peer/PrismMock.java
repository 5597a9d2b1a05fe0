package ai.letta.code.testkit.peer;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>{@link Builder#start()} returns once Prism printed {@code Prism is listening on http://127.0.0.1:PORT}, within the
 * startup timeout (about 4 s for the Letta document); otherwise it stops the process and throws a
 * {@link PeerProcessException} quoting both output tails. Prism runs as this JVM's direct child under the pinned
 * Node, with the allow-listed environment of the other peers and a fresh {@code HOME}.
 *
 * <p>How Prism 5 reports what breaks the document: a request that breaks it gets a 4xx from the mock (the
 * document's own 422 example, or a problem+json 400/401/404/405), and in both modes the {@code sl-violations}
 * header lists every request and response violation as JSON and the log has a {@code Violation: request.body.name
 * ...} line each. Every such line, and every {@code Request terminated with error} line, is kept:
 * {@link #violations()}; {@link #sync()} waits until the log has caught up with every answer already received, so
 * a test can check "nothing was violated" without a race. With {@link Builder#errors(boolean) errors} on, Prism
 * turns a response violation into a 500 problem+json answer instead (and logs no {@code Violation:} line).
 * {@link #close()} stops it (SIGTERM, grace, SIGKILL, descendants too) and deletes its folders; idempotent.
 *
 * <pre>{@code
 * java.nio.file.Path spec = PrismMock.requireLettaSpec();   // skips the test when the document is absent
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
    /** The path of {@link #sync()}'s marker requests; the document has no such path, so Prism only logs it. */
    private static final String SYNC_PATH = "/__prism-mock-sync/";
    /** What Prism logs first for each request, after its method and path. */
    private static final String RECEIVED = "Request received";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildProcess child;
    private final ScratchDirs dirs;
    private final URI baseUrl;
    private final Duration startupTime;
    private final List<String> violations;
    private final Set<String> markers;
    private boolean stopped;

    private PrismMock(ChildProcess child, ScratchDirs dirs, URI baseUrl, Duration startupTime,
            List<String> violations, Set<String> markers) {
        this.child = child;
        this.dirs = dirs;
        this.baseUrl = baseUrl;
        this.startupTime = startupTime;
        this.violations = violations;
        this.markers = markers;
    }

    /**
     * A builder of {@code prism mock <spec>} for the install found by {@link PeerInstall#locate()}.
     *
     * @param spec the OpenAPI document
     * @return a builder
     */
    public static Builder mock(Path spec) {
        return new Builder(PeerInstall.locate(), spec, null);
    }

    /**
     * A builder of {@code prism proxy <spec> <upstream>} for the install found by {@link PeerInstall#locate()}.
     *
     * @param spec the OpenAPI document
     * @param upstream the server to proxy
     * @return a builder
     */
    public static Builder proxy(Path spec, URI upstream) {
        return new Builder(PeerInstall.locate(), spec, Objects.requireNonNull(upstream, "upstream"));
    }

    /**
     * A builder for a given install; {@code upstream} null means {@code prism mock}.
     *
     * @param install the install
     * @param spec the OpenAPI document
     * @param upstream the server to proxy, or null
     * @return a builder
     */
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
     *
     * @return the document's path
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

    /**
     * @return {@code http://127.0.0.1:PORT}: where Prism listens; the document's paths ({@code /v1/...}) sit below it
     */
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
     * https://stoplight.io/prism/errors#UNAUTHORIZED: ...}. Prism writes the line before it answers; call
     * {@link #sync()} first to be sure the lines of every answer already received are here.
     *
     * @return the violation lines
     */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /**
     * @param from how many violations to skip
     * @return the violations logged after the first {@code from} of {@link #violations()}
     */
    public List<String> violationsSince(int from) {
        List<String> all = violations();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /**
     * Waits until Prism's log has caught up: sends a marker request (a path the document lacks, never counted as
     * a violation) and returns once its log line was read, so every line Prism logged for earlier answers is in
     * {@link #violations()}.
     *
     * @throws PeerProcessException if the marker is not seen within 5 s
     */
    public void sync() {
        String token = UUID.randomUUID().toString();
        HttpRequest marker = HttpRequest.newBuilder(baseUrl.resolve(SYNC_PATH + token))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HTTP.send(marker, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new PeerProcessException(child.diagnostics("Prism did not answer the sync marker: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerProcessException("interrupted while syncing with Prism's log", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!markers.remove(token)) {
            if (System.nanoTime() > deadline) {
                throw new PeerProcessException(child.diagnostics("Prism's log did not show the sync marker "
                        + token + " within 5 s"));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerProcessException("interrupted while syncing with Prism's log", e);
            }
        }
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
        private boolean errors;
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
         * Prism's {@code --errors}: a response breaking the document becomes a 500 problem+json answer (listing the
         * violations) rather than a {@code Violation:} log line. Default false, as Prism's: the mock's static
         * examples break some of the document's own patterns (ids such as {@code "string"}), and the log with
         * {@link #sync()} reports violations without hiding the answer.
         *
         * @param errors whether to answer violations with 500
         * @return this builder
         */
        public Builder errors(boolean errors) {
            this.errors = errors;
            return this;
        }

        /**
         * Prism's {@code -d}: mock answers generated at random from the schemas rather than the document's static
         * examples. Default false: static answers are the same on every run. Mock mode only.
         *
         * @param dynamic whether to generate answers
         * @return this builder
         */
        public Builder dynamic(boolean dynamic) {
            if (dynamic && upstream != null) {
                throw new IllegalArgumentException("dynamic examples are a mock option; a proxy forwards to "
                        + upstream);
            }
            this.dynamic = dynamic;
            return this;
        }

        /**
         * How long to wait for the {@code listening} line; default 60 s (about 4 s on the Letta document).
         *
         * @param timeout the wait
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = LettaCodeCli.requirePositive(timeout, "startupTimeout");
            return this;
        }

        /**
         * Spawns Prism and waits until it listens. The caller owns the result and must close it.
         *
         * @return the listening mock
         */
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
                Set<String> markers = ConcurrentHashMap.newKeySet();
                CompletableFuture<URI> listening = new CompletableFuture<>();
                ChildProcess child = ChildProcess.start("prism", command, dirs.workDir(), env, 64 * 1024,
                        new LinePump.Sink() {
                            private boolean inSync;

                            @Override
                            public void line(String line) {
                                Matcher matcher = LISTENING.matcher(line);
                                Matcher violation = VIOLATION.matcher(line);
                                if (line.contains(RECEIVED)) {
                                    // Prism serves one request at a time here: the lines up to the next
                                    // "Request received" are this request's.
                                    int sync = line.indexOf(SYNC_PATH);
                                    inSync = sync >= 0;
                                    if (inSync && line.length() >= sync + SYNC_PATH.length() + 36) {
                                        int from = sync + SYNC_PATH.length();
                                        markers.add(line.substring(from, from + 36));
                                    }
                                } else if (matcher.find()) {
                                    listening.complete(URI.create(matcher.group(1)));
                                } else if (violation.find() && !inSync && !line.contains(SYNC_PATH)) {
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
                return new PrismMock(child, dirs, base, child.sinceSpawn(), violations, markers);
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
