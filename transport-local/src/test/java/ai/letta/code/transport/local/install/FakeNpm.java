package ai.letta.code.transport.local.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in {@code npm} on a temporary PATH that writes what the real one would: a Node package whose
 * {@code bin/node} answers {@code --version} (and runs a script as a shell script), a CLI tarball whose
 * {@code letta.js} prints its version, and a {@code ws} folder. Each run appends its arguments to a log.
 * Knobs (environment): {@code FAKE_NODE_REPORTS} (what node --version prints), {@code FAKE_NPM_SLEEP} (seconds).
 */
final class FakeNpm {

    private static final String SCRIPT = """
            #!/bin/sh
            echo "$*" >> "$FAKE_NPM_LOG"
            sleep "${FAKE_NPM_SLEEP:-0}"
            cmd=$1; shift
            prefix=; pkg=
            while [ $# -gt 0 ]; do
              case "$1" in
                --prefix) prefix=$2; shift;;
                -*) ;;
                *) pkg=$1;;
              esac
              shift
            done
            name=${pkg%@*}; version=${pkg##*@}
            case "$cmd:$name" in
              install:node-*)
                mkdir -p "$prefix/node_modules/$name/bin"
                node="$prefix/node_modules/$name/bin/node"
                printf '#!/bin/sh\\nif [ "$1" = --version ]; then echo "%s"; else exec sh "$@"; fi\\n' \\
                  "${FAKE_NODE_REPORTS:-v$version}" > "$node"
                chmod +x "$node";;
              install:ws) mkdir -p "$prefix/node_modules/ws";;
              pack:*)
                tmp=$(mktemp -d); mkdir "$tmp/package"
                echo "echo $version" > "$tmp/package/letta.js"
                tar czf "letta-code-$version.tgz" -C "$tmp" package; rm -rf "$tmp";;
              *) echo "fake npm: unexpected $cmd $pkg" >&2; exit 2;;
            esac
            """;

    final Path bin;
    final Path log;

    FakeNpm(Path dir) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("npm.log");
        Path npm = Files.writeString(bin.resolve("npm"), SCRIPT);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** @return the environment an installer runs npm with: this npm first, the system's tools after */
    Map<String, String> env(Map<String, String> knobs) {
        Map<String, String> env = new HashMap<>(knobs);
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("FAKE_NPM_LOG", log.toString());
        return env;
    }

    List<String> runs() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
