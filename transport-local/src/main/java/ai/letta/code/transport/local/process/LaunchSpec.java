package ai.letta.code.transport.local.process;

import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every CLI process of one client shares: the programs, the backend flags and the environment. Sessions add
 * their own flags, environment and working directory on top.
 *
 * @param programs {@code node} and {@code letta.js}
 * @param backendArgs the flags that select the CLI's backend
 * @param env the complete child environment
 * @param workingDirectory the default working directory
 */
public record LaunchSpec(List<String> programs, List<String> backendArgs, Map<String, String> env,
        Path workingDirectory) {

    /**
     * Inherited variables that would leak a parent Letta process's agent scope into ours (local-stdio.md §2.2;
     * {@code LETTA_PARENT_AGENT_ID} also turns the CLI's stdout guard into subagent mode).
     */
    static final Set<String> STRIPPED = Set.of("MEMORY_DIR", "LETTA_MEMORY_DIR", "LETTA_AGENT_ID",
            "LETTA_PARENT_AGENT_ID");

    /** Node's on-disk cache of compiled code (Node 22.1+); {@code NODE_DISABLE_COMPILE_CACHE=1} turns it off. */
    public static final String NODE_COMPILE_CACHE = "NODE_COMPILE_CACHE";

    public LaunchSpec {
        programs = List.copyOf(programs);
        backendArgs = List.copyOf(backendArgs);
        env = Map.copyOf(env);
    }

    /**
     * @param options the client's options
     * @param install the programs found
     * @param parentEnv the JVM's environment
     * @param jvmCwd the JVM's working directory, when no other is set
     * @return the shared launch settings
     */
    public static LaunchSpec of(LocalOptions options, CliLocator.CliInstallation install, Map<String, String> parentEnv,
            Path jvmCwd) {
        Map<String, String> env = new LinkedHashMap<>(parentEnv);
        options.inheritedEnv().ifPresent(names -> env.keySet().retainAll(names));
        STRIPPED.forEach(env::remove);
        List<String> backendArgs;
        if (options.cliBackend() instanceof CliBackend.LettaApi api) {
            // Passed explicitly, never only inherited: the user's shell may point elsewhere.
            env.remove("LETTA_LOCAL_BACKEND_EXPERIMENTAL");
            env.put("LETTA_BASE_URL", api.baseUrl().toString());
            env.put("LETTA_API_KEY", api.apiKey().reveal());
            backendArgs = List.of();
        } else if (options.cliBackend() instanceof CliBackend.LocalModels) {
            backendArgs = List.of("--backend", "local");
        } else {
            backendArgs = List.of();
        }
        // Anything the CLI starts with `node` (subagents) gets the same, checked Node.
        String nodeDir = install.node().getParent().toString();
        String path = env.get("PATH");
        env.put("PATH", path == null || path.isEmpty() ? nodeDir : nodeDir + File.pathSeparator + path);
        env.putAll(options.env());
        nodeCompileCache(parentEnv).ifPresent(dir -> env.putIfAbsent(NODE_COMPILE_CACHE, dir));
        Path cwd = options.workingDirectory().orElse(jvmCwd);
        return new LaunchSpec(List.of(install.node().toString(), install.cli().toString()), backendArgs, env,
                cwd.toAbsolutePath().normalize());
    }

    /**
     * Where Node may cache the compiled 35 MB CLI bundle: every process compiles it again otherwise, which is about
     * 40 % of a session's start-up (measured: {@code letta --version} 1.5 s without, 0.8 s with). A directory of the
     * JVM user's, never a shared temp directory (a planted cache entry would be code), and only when the user set
     * neither {@value #NODE_COMPILE_CACHE} nor {@code NODE_DISABLE_COMPILE_CACHE}.
     *
     * @param parentEnv the JVM's environment
     * @return {@code $XDG_CACHE_HOME/letta-code-java/node-compile-cache} or {@code ~/.cache/...}, if known
     */
    public static Optional<String> nodeCompileCache(Map<String, String> parentEnv) {
        if (parentEnv.containsKey(NODE_COMPILE_CACHE) || parentEnv.containsKey("NODE_DISABLE_COMPILE_CACHE")) {
            return Optional.empty();
        }
        String xdg = parentEnv.get("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : home == null || home.isBlank() || "?".equals(home) ? null : Path.of(home, ".cache");
        return base == null ? Optional.empty()
                : Optional.of(base.resolve("letta-code-java").resolve("node-compile-cache").toString());
    }

    /**
     * @param extraEnv a session's own variables
     * @param cwd the session's working directory, or null for the default
     * @return a copy with those applied
     */
    public LaunchSpec forSession(Map<String, String> extraEnv, Path cwd) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(extraEnv);
        return new LaunchSpec(programs, backendArgs, merged, cwd != null ? cwd : workingDirectory);
    }

    /**
     * The same programs and environment for {@code letta server}, which takes none of the stdio flags: its local
     * backend is chosen by {@code LETTA_LOCAL_BACKEND_EXPERIMENTAL=1} (app-server-ws.md §1.3).
     *
     * @return the app server's launch settings
     */
    public LaunchSpec forAppServer() {
        Map<String, String> serverEnv = new LinkedHashMap<>(env);
        if (backendArgs.contains("local")) {
            serverEnv.put("LETTA_LOCAL_BACKEND_EXPERIMENTAL", "1");
        }
        return new LaunchSpec(programs, List.of(), serverEnv, workingDirectory);
    }

    /** Shows the variable names only: values may be keys. */
    @Override
    public String toString() {
        return "LaunchSpec[" + programs + " " + backendArgs + ", env " + env.keySet() + ", cwd " + workingDirectory
                + "]";
    }
}
