package ai.letta.code.testkit.peer;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a peer starts with. It is built from an allow-list, not inherited: a developer's own
 * {@code LETTA_API_KEY}, {@code LETTA_BASE_URL}, {@code LETTA_LOCAL_BACKEND_*}, {@code MEMORY_DIR} or
 * {@code LETTA_PARENT_AGENT_ID} would otherwise leak into a test and change what the CLI does (local-stdio.md §2.2).
 */
final class PeerEnvironment {

    /** Variables passed through from the JVM's environment when present: the shell basics tools need. */
    private static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR",
            "TEMP", "TMP", "USER", "LOGNAME", "SHELL", "SYSTEMROOT", "COMSPEC", "PATHEXT", "WINDIR");

    private PeerEnvironment() {
    }

    /**
     * The base environment: allow-listed variables, {@code HOME} pointing at the peer's fresh home, telemetry off,
     * and the pinned Node first on {@code PATH} so anything the CLI spawns with {@code node} gets the same binary.
     */
    static Map<String, String> base(PeerInstall install, Path home) {
        Map<String, String> parent = System.getenv();
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : INHERITED) {
            String value = parent.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        String nodeBin = install.node().getParent().toString();
        String path = env.get("PATH");
        env.put("PATH", path == null || path.isEmpty() ? nodeBin : nodeBin + File.pathSeparator + path);
        env.put("HOME", home.toString());
        env.put("USERPROFILE", home.toString());
        // Every verified offline run used LETTA_CODE_TELEM=0 (offline-peers.md §3); DO_NOT_TRACK is the generic twin.
        env.put("LETTA_CODE_TELEM", "0");
        env.put("DO_NOT_TRACK", "1");
        return env;
    }
}
