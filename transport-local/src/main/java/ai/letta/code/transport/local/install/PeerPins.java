package ai.letta.code.transport.local.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The pinned versions, read from {@code peers.properties} next to this class in the jar: the one file the build's
 * provision script and this installer both read, so they cannot drift apart.
 *
 * @param nodeVersion the Node version, e.g. {@code 22.23.3}
 * @param cliPackage the CLI's npm package
 * @param cliVersion the CLI's version
 * @param wsVersion the version of {@code ws}, the one dependency the CLI bundle needs
 */
record PeerPins(String nodeVersion, String cliPackage, String cliVersion, String wsVersion) {

    /** @return the pins shipped in this jar */
    static PeerPins shipped() {
        Properties p = new Properties();
        try (InputStream in = PeerPins.class.getResourceAsStream("peers.properties")) {
            if (in == null) {
                throw new IllegalStateException("peers.properties is missing from the letta-code-transport-local jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PeerPins(p.getProperty("node.version"), p.getProperty("cli.package"),
                p.getProperty("cli.version"), p.getProperty("ws.version"));
    }

    /** @return the cache folder's name: one folder per pair of versions, so an SDK upgrade installs beside */
    String folderName() {
        return nodeVersion + "-" + cliVersion;
    }
}
