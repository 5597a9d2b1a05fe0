package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.spi.Redaction;
import ai.letta.code.internal.Checks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One request to the Letta API: method, path, query and a JSON or {@code multipart/form-data} body, and whether it
 * may be sent twice. Path
 * segments and query values are percent-encoded here, so an id or a label can never change the path. GET, PUT,
 * PATCH and DELETE are idempotent; a POST only when {@link Builder#idempotent()} says so (e.g. a sandbox refresh).
 * Immutable.
 */
public final class ApiRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Object body;
    private final FormBody form;
    private final boolean idempotent;

    private ApiRequest(Builder builder) {
        this.method = builder.method;
        this.path = "/" + String.join("/", builder.segments) + (builder.trailingSlash ? "/" : "");
        this.query = String.join("&", builder.query);
        this.body = builder.body;
        this.form = builder.form;
        this.idempotent = builder.idempotent || !method.equals("POST");
    }

    /**
     * @param segments the path's segments, e.g. {@code "v1", "agents", agentId}; each is encoded
     * @return a GET
     */
    public static Builder get(String... segments) {
        return new Builder("GET", segments);
    }

    /**
     * @param segments the path's segments; each is encoded
     * @return a POST, not idempotent unless marked
     */
    public static Builder post(String... segments) {
        return new Builder("POST", segments);
    }

    /**
     * @param segments the path's segments; each is encoded
     * @return a PUT (idempotent: an upsert)
     */
    public static Builder put(String... segments) {
        return new Builder("PUT", segments);
    }

    /**
     * @param segments the path's segments; each is encoded
     * @return a PATCH
     */
    public static Builder patch(String... segments) {
        return new Builder("PATCH", segments);
    }

    /**
     * @param segments the path's segments; each is encoded
     * @return a DELETE
     */
    public static Builder delete(String... segments) {
        return new Builder("DELETE", segments);
    }

    /** @return the method, e.g. {@code GET} */
    public String method() {
        return method;
    }

    /** @return the encoded path, e.g. {@code /v1/agents/agent-1} */
    public String path() {
        return path;
    }

    /** @return the encoded query without {@code ?}, or {@code ""} */
    public String query() {
        return query;
    }

    /** @return whether the request may be retried */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return the body, or {@code null} for none */
    Object body() {
        return body;
    }

    /** @return the {@code multipart/form-data} body, or {@code null} for none */
    FormBody form() {
        return form;
    }

    /** @return path and query as on the request line */
    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** @return {@code METHOD /path?query}, credentials in the query hidden */
    @Override
    public String toString() {
        return method + " " + Redaction.text(target());
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final List<String> segments = new ArrayList<>();
        private final List<String> query = new ArrayList<>();
        private Object body;
        private FormBody form;
        private boolean idempotent;
        private boolean trailingSlash;

        private Builder(String method, String... segments) {
            this.method = method;
            for (String segment : segments) {
                Checks.requireText(segment, "path segment");
                if (segment.equals(".") || segment.equals("..")) {
                    throw new ConfigurationException("a path segment must not be \"" + segment + "\"");
                }
                this.segments.add(encode(segment));
            }
        }

        /**
         * Adds a query parameter; a {@code null} value adds nothing.
         *
         * @param name the parameter
         * @param value its value ({@code toString()} is sent)
         * @return this
         */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(encode(name) + "=" + encode(value.toString()));
            }
            return this;
        }

        /**
         * Adds one parameter per value ({@code include=a&include=b}).
         *
         * @param name the parameter
         * @param values its values
         * @return this
         */
        public Builder queryAll(String name, Collection<?> values) {
            values.forEach(value -> query(name, value));
            return this;
        }

        /**
         * @param body the JSON body (a map or a record); serialized when sent
         * @return this
         */
        public Builder body(Object body) {
            this.body = Objects.requireNonNull(body, "body");
            this.form = null;
            return this;
        }

        /**
         * @param form a {@code multipart/form-data} body, instead of a JSON one
         * @return this
         */
        public Builder form(FormBody form) {
            this.form = Objects.requireNonNull(form, "form");
            this.body = null;
            return this;
        }

        /** @return this, marked as safe to send twice (a POST whose repetition changes nothing) */
        public Builder idempotent() {
            this.idempotent = true;
            return this;
        }

        /**
         * Ends the path with {@code /}, for the endpoints that want it ({@code POST /v1/conversations/}); never
         * for {@code POST /v1/agents}, which Letta Cloud answers 404 with a slash.
         *
         * @return this
         */
        public Builder trailingSlash() {
            this.trailingSlash = true;
            return this;
        }

        /** @return the request */
        public ApiRequest build() {
            return new ApiRequest(this);
        }

        private static String encode(String text) {
            // URLEncoder is form encoding: a space becomes '+', which a path must not carry; %20 is right in both.
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
        }
    }
}
