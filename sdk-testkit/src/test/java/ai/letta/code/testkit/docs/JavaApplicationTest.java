package ai.letta.code.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class JavaApplicationTest {

    @TempDir
    Path dir;

    @Test
    void runsTheApplicationAsANamedModuleOrFromTheClassPath() throws IOException {
        Path sources = application("System.out.println(\"in \" + Main.class.getModule() + \" with \" + args[0]);");

        String modular = JavaApplication.compile(sources, true, List.of(), dir.resolve("m")).run("hello.Main",
                List.of(), List.of("an argument"), Duration.ofSeconds(60));
        String plain = JavaApplication.compile(sources, false, List.of(), dir.resolve("c")).run("hello.Main",
                List.of(), List.of("an argument"), Duration.ofSeconds(60));

        assertThat(modular).isEqualTo("in module hello with an argument" + System.lineSeparator());
        assertThat(plain).startsWith("in unnamed module").endsWith("with an argument" + System.lineSeparator());
    }

    @Test
    void aPackageTheModuleCannotReadFailsTheCompileWithTheCompilersMessage() throws IOException {
        // java.net.http is not required by module hello: on the module path the import does not resolve.
        Path sources = application("System.out.println(java.net.http.HttpClient.class);");

        assertThatThrownBy(() -> JavaApplication.compile(sources, true, List.of(), dir.resolve("m")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not compile")
                .hasMessageContaining("java.net.http");
        assertThat(JavaApplication.compile(sources, false, List.of(), dir.resolve("c")).classes())
                .isDirectoryRecursivelyContaining("glob:**/Main.class");
    }

    @Test
    void aFailedOrHungRunIsAnAssertionErrorQuotingItsOutput() throws IOException {
        Path failing = application("System.out.println(\"about to fail\"); System.exit(3);");
        Path hanging = application("System.out.println(\"waiting\"); Thread.sleep(60_000);");

        JavaApplication exits = JavaApplication.compile(failing, true, List.of(), dir.resolve("f"));
        JavaApplication hangs = JavaApplication.compile(hanging, true, List.of(), dir.resolve("h"));

        assertThatThrownBy(() -> exits.run("hello.Main", List.of(), List.of("x"), Duration.ofSeconds(60)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("exited with 3")
                .hasMessageContaining("about to fail");
        long start = System.nanoTime();
        assertThatThrownBy(() -> hangs.run("hello.Main", List.of(), List.of("x"), Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("did not end within 2 s")
                .hasMessageContaining("waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    /** Module {@code hello} with a {@code hello.Main} whose main method runs {@code body}. */
    private Path application(String body) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src-" + System.nanoTime()));
        Files.writeString(sources.resolve("module-info.java"), "module hello {}\n");
        Path pkg = Files.createDirectories(sources.resolve("hello"));
        Files.writeString(pkg.resolve("Main.java"), "package hello;\npublic final class Main {\n"
                + "    public static void main(String[] args) throws Exception {\n        " + body + "\n    }\n}\n");
        return sources;
    }
}
