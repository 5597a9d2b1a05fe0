package ai.letta.code.testkit.script;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP request a fake received, as MockWebServer records it: method, path, query, headers and body.
 * Immutable: {@link #json()} parses a fresh tree on every call. {@link #toString()} never shows the value of
 * {@code Authorization} (tests run with real-looking keys too).
 */
public final class RecordedRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int sequenceNumber;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> headers;
    private final String body;

    /**
     * @param sequenceNumber the order of arrival, from 0
     * @param receivedAt when it arrived
     * @param method the HTTP method
     * @param path the decoded path
     * @param query the raw query string
     * @param queryParameters the decoded query parameters
     * @param body the body bytes
     * @param headers header names are matched case-insensitively; values keep their order
     */
    public RecordedRequest(int sequenceNumber, Instant receivedAt, String method, String path, String query,
                           Map<String, List<String>> queryParameters, Map<String, List<String>> headers,
                           String body) {
        this.sequenceNumber = sequenceNumber;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = Objects.requireNonNull(query, "query");
        this.queryParameters = copy(queryParameters, false);
        this.headers = copy(headers, true);
        this.body = Objects.requireNonNull(body, "body");
    }

    /** @return 0 for the first request a fake received, then 1, 2, ... */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** @return when the full request had arrived */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** @return the decoded path without the query, as sent (a trailing slash is kept) */
    public String path() {
        return path;
    }

    /** @return the raw query string without {@code ?} ({@code ""} if none) */
    public String query() {
        return query;
    }

    /** @return all query parameters, decoded; repeated names keep every value in order */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /**
     * The first value of query parameter {@code name}.
     *
     * @param name the parameter's name
     * @return the value, or empty
     */
    public Optional<String> queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return all headers; names are case-insensitive keys */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of header {@code name} (case-insensitive).
     *
     * @param name the header's name
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the body as UTF-8 text ({@code ""} if none) */
    public String body() {
        return body;
    }

    /** @return the body parsed as JSON; a missing node for an empty body */
    public JsonNode json() {
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalStateException("request #" + sequenceNumber + " " + method + " " + path
                    + " has a body that is not JSON: " + abbreviate(body), e);
        }
    }

    /** @return {@code "POST /v1/agents/"} */
    public String requestLine() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RecordedRequest#").append(sequenceNumber).append('[')
                .append(requestLine());
        headers.forEach((name, values) -> text.append(", ").append(name).append('=')
                .append(name.equalsIgnoreCase("authorization") ? "<redacted>" : values));
        return text.append(", body=").append(abbreviate(body)).append(']').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + " chars)";
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean caseInsensitive) {
        Map<String, List<String>> target = caseInsensitive
                ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new TreeMap<>();
        source.forEach((key, values) -> target.merge(caseInsensitive ? key.toLowerCase(Locale.ROOT) : key,
                List.copyOf(values), (a, b) -> {
                    List<String> merged = new ArrayList<>(a);
                    merged.addAll(b);
                    return List.copyOf(merged);
                }));
        return Collections.unmodifiableMap(target);
    }
}
