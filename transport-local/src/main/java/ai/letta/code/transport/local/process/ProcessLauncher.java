package ai.letta.code.transport.local.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts the CLI process. The seam between {@link StdioTransport} and the operating system, so a test can observe
 * or replace the launch; the default is {@link #commonsExec()}.
 */
@FunctionalInterface
public interface ProcessLauncher {

    /**
     * @param command the program and its arguments, each passed verbatim (no shell, no quoting)
     * @param env the complete environment of the child
     * @param workingDirectory the child's working directory
     * @return the started process, its three pipes open
     * @throws IOException if the program cannot be started
     */
    Process launch(List<String> command, Map<String, String> env, Path workingDirectory) throws IOException;

    /**
     * Launches through Commons Exec's platform launcher. Its {@code Executor} is not used because it hides the
     * live stdin pipe and the {@link Process} (needed for {@link ProcessHandle#descendants()}); the launcher gives
     * both, and keeps the JVM the child's direct parent (the CLI exits when its parent goes away).
     *
     * @return the default launcher
     */
    static ProcessLauncher commonsExec() {
        return (command, env, dir) -> {
            org.apache.commons.exec.CommandLine line = new org.apache.commons.exec.CommandLine(command.get(0));
            // handleQuoting=false: Commons Exec would otherwise wrap arguments holding spaces in quotes, and
            // without a shell those quotes would reach the CLI literally (e.g. in --system-custom text).
            command.subList(1, command.size()).forEach(arg -> line.addArgument(arg, false));
            return org.apache.commons.exec.launcher.CommandLauncherFactory.createVMLauncher()
                    .exec(line, env, dir.toFile());
        };
    }
}
