package ai.letta.code.transport.cloud.http;

import ai.letta.code.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code multipart/form-data} body ({@code POST /v1/agents/import}): text fields and files, in order. The bytes
 * are copied in and encoded anew for every attempt, so one value can be sent twice. Immutable.
 */
public final class FormBody {

    /**
     * One part: a text field ({@code fileName} null) or a file.
     *
     * @param name the form field's name
     * @param fileName the file's name, or {@code null} for a text field
     * @param contentType the file's content type, or {@code null} for a text field
     * @param content the value (UTF-8 for a text field)
     */
    record Part(String name, String fileName, String contentType, byte[] content) {
    }

    private final List<Part> parts;

    private FormBody(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @return a builder of an empty form */
    public static Builder builder() {
        return new Builder();
    }

    List<Part> parts() {
        return parts.stream().map(p -> new Part(p.name(), p.fileName(), p.contentType(),
                p.content().clone())).toList();
    }

    /** @return the parts' names and sizes, never their contents */
    @Override
    public String toString() {
        return "FormBody" + parts.stream().map(p -> p.name() + "(" + p.content().length + " bytes)").toList();
    }

    /** Builds a {@link FormBody}. Not thread-safe. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name the field's name
         * @param value its text; {@code null} adds nothing
         * @return this
         */
        public Builder field(String name, Object value) {
            if (value != null) {
                parts.add(new Part(Checks.requireText(name, "form field name"), null, null,
                        value.toString().getBytes(StandardCharsets.UTF_8)));
            }
            return this;
        }

        /**
         * @param name the field's name
         * @param fileName the file's name as the server sees it
         * @param contentType its content type, e.g. {@code application/json}
         * @param content its bytes (copied)
         * @return this
         */
        public Builder file(String name, String fileName, String contentType, byte[] content) {
            parts.add(new Part(Checks.requireText(name, "form field name"), Checks.requireText(fileName, "fileName"),
                    Checks.requireText(contentType, "contentType"),
                    Arrays.copyOf(Checks.requireNonNull(content, "content"), content.length)));
            return this;
        }

        /** @return the form */
        public FormBody build() {
            return new FormBody(parts);
        }
    }
}
