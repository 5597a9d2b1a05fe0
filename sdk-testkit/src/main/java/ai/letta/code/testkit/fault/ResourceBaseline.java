package ai.letta.code.testkit.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the SDK holds at one moment: its threads (named {@code letta…}, and Netty's event loops), the pipes and
 * outbound sockets among this JVM's open descriptors ({@code /proc/self/fd}), and the JVM's live descendant
 * processes. A fault scenario takes one before it starts and checks, after closing the client, that nothing new
 * outlives it.
 *
 * <p>Descriptors are counted by kind, not by number: a pipe or socket closed and another opened is no leak, more of
 * them is. Sockets are the SDK's kind only, TCP connections out of this JVM (its websockets, its HTTP clients): the
 * JDK's own non-TCP sockets (netlink, a resolver's) come and go with no SDK call, and a socket a test fake's server
 * accepted (a frozen peer keeps its model call open) or listens on is not the SDK's ({@code /proc/net/tcp},
 * {@code tcp6}). Without {@code /proc} (not Linux) descriptors are not checked.
 */
public final class ResourceBaseline {

    private final Set<String> threads;
    private final long pipes;
    private final long sockets;
    private final Set<ProcessHandle> processes;
    private List<String> waitedFor = List.of();

    private ResourceBaseline(Set<String> threads, long pipes, long sockets, Set<ProcessHandle> processes) {
        this.threads = threads;
        this.pipes = pipes;
        this.sockets = sockets;
        this.processes = processes;
    }

    /** @return what the SDK holds now */
    public static ResourceBaseline take() {
        return new ResourceBaseline(sdkThreads(), descriptors("pipe:"), outboundSockets().size(),
                new LinkedHashSet<>(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()));
    }

    /**
     * Waits up to {@code settle} for the SDK to be back to this baseline, then fails naming what is left: threads
     * and processes not in it, and more pipes or sockets than it had. Leftover processes are killed.
     *
     * @param settle how long closing may take to finish
     * @param context what ran, for the message
     * @return how long it took to get back, in milliseconds
     * @throws AssertionError if something outlived the scenario
     */
    public long assertRestored(Duration settle, String context) {
        return assertRestored(settle, context, process -> false);
    }

    /**
     * As {@link #assertRestored(Duration, String)}, not counting the processes {@code peerOwned} claims (a fake
     * peer's own servers).
     *
     * @param settle how long closing may take to finish
     * @param context what ran, for the message
     * @param peerOwned processes that are the peer's, not the SDK's
     * @return how long it took to get back, in milliseconds
     */
    public long assertRestored(Duration settle, String context, Predicate<ProcessHandle> peerOwned) {
        long start = System.nanoTime();
        long deadline = start + settle.toNanos();
        List<String> left;
        boolean first = true;
        while (true) {
            left = leftovers(peerOwned);
            if (first) {
                waitedFor = List.copyOf(left);
                first = false;
            }
            if (left.isEmpty()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ProcessHandle.current().descendants().filter(p -> !processes.contains(p) && !peerOwned.test(p))
                .forEach(ProcessHandle::destroyForcibly);
        throw new AssertionError(context + " left behind, " + settle.toMillis() + " ms after close: " + left);
    }

    /** @return what was still held when {@link #assertRestored} began (what closing had yet to release) */
    public List<String> waitedFor() {
        return waitedFor;
    }

    private List<String> leftovers(Predicate<ProcessHandle> peerOwned) {
        List<String> left = new ArrayList<>();
        for (String thread : sdkThreads()) {
            if (!threads.contains(thread)) {
                left.add("thread " + thread);
            }
        }
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> !processes.contains(p))
                .filter(p -> !peerOwned.test(p))
                .forEach(p -> left.add("process " + p.pid() + " " + p.info().commandLine().orElse("?")));
        long pipesNow = descriptors("pipe:");
        if (pipesNow > pipes) {
            left.add((pipesNow - pipes) + " pipe(s) (" + pipes + " before, " + pipesNow + " now)");
        }
        List<String> socketsNow = outboundSockets();
        if (socketsNow.size() > sockets) {
            left.add((socketsNow.size() - sockets) + " socket(s) (" + sockets + " before, " + socketsNow.size()
                    + " now: " + String.join(", ", socketsNow) + ")");
        }
        return left;
    }

    private static Set<String> sdkThreads() {
        Set<String> names = new LinkedHashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (thread.isAlive() && (name.startsWith("letta") || name.contains("EventLoop")
                    || name.startsWith("nioEventLoopGroup") || name.startsWith("globalEventExecutor"))) {
                names.add(name + "#" + System.identityHashCode(thread));
            }
        }
        return names;
    }

    /**
     * TCP sockets among this JVM's descriptors, less listening ones and those accepted on a listening port, each
     * named by its local and remote port and its TCP state ({@code 01} established, {@code 08} close-wait, …), so a
     * failure says which connection outlived the client.
     */
    private static List<String> outboundSockets() {
        Set<String> inodes = new java.util.HashSet<>();
        for (String target : descriptorTargets()) {
            if (target.startsWith("socket:[")) {
                inodes.add(target.substring("socket:[".length(), target.length() - 1));
            }
        }
        java.util.Map<String, String[]> tcp = new java.util.HashMap<>(); // inode -> {localPort, state, remotePort}
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9) {
                        String local = fields[1];
                        String remote = fields[2];
                        tcp.put(fields[9], new String[] {local.substring(local.indexOf(':') + 1), fields[3],
                                remote.substring(remote.indexOf(':') + 1)});
                    }
                }
            } catch (IOException e) {
                // no such table: no TCP sockets of that family
            }
        }
        Set<String> listening = new java.util.HashSet<>();
        for (String inode : inodes) {
            String[] entry = tcp.get(inode);
            if (entry != null && entry[1].equals("0A")) {
                listening.add(entry[0]);
            }
        }
        return inodes.stream().map(tcp::get)
                .filter(entry -> entry != null && !entry[1].equals("0A") && !listening.contains(entry[0]))
                .map(entry -> "port " + Integer.parseInt(entry[0], 16) + " to port " + Integer.parseInt(entry[2], 16)
                        + (listening.contains(entry[2]) ? " (a server of this JVM)" : "") + " state " + entry[1])
                .sorted().toList();
    }

    private static List<String> descriptorTargets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        try (Stream<Path> entries = Files.list(fds)) {
            entries.forEach(fd -> {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException | UnsupportedOperationException e) {
                    // closed while listing
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return targets;
    }

    private static long descriptors(String kind) {
        return descriptorTargets().stream().filter(target -> target.startsWith(kind)).count();
    }
}
