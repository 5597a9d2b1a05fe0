package ai.letta.code.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** sdk-api is what users read: it must stay plain Java (the enforcer bans its dependencies; this bans the imports). */
class ApiPurityTest {
    private static final Pattern ADAPTER_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(tools\\.jackson|com\\.fasterxml|io\\.netty|com\\.google\\.inject|"
                    + "jakarta\\.inject|org\\.apache\\.commons\\.exec)\\.", Pattern.MULTILINE);

    @Test
    void mainSourcesImportNoAdapterLibrary() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ApiPurityTest::importsAdapter)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertThat(Files.isDirectory(sources)).isTrue();
        assertThat(offenders).as("sdk-api files importing Jackson/Netty/Guice/Commons Exec").isEmpty();
    }

    @Test
    void theUserApiNeverMentionsTheSpi() throws IOException {
        Path userApi = Path.of("src/main/java/ai/letta/code/api");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(userApi)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("ai.letta.code.spi"))
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertThat(Files.isDirectory(userApi)).isTrue();
        assertThat(offenders).as("user-API files that name an SPI type").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean importsAdapter(Path file) {
        try {
            return ADAPTER_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
