package ai.letta.code.testkit.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A JDK HTTP client with bounded waits for the fakes' HTTP-level tests. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String origin;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public TestHttp(String origin) {
        this.origin = origin.replaceAll("/+$", "");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).DELETE());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path, json).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patch(String path, String json) {
        return send(request(path, json).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Starts a POST without waiting, for streams a test holds open. */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
        return client.sendAsync(request(path, json).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private HttpRequest.Builder request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-key").timeout(TIMEOUT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
