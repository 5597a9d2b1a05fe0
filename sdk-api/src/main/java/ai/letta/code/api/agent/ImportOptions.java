package ai.letta.code.api.agent;

import ai.letta.code.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent file is imported ({@code POST /v1/agents/import}): a name, model or embedding to use instead of the
 * file's, whether to drop its messages, and whether the file's tools may replace existing tools of the same name.
 * Build with {@link #builder()}; {@link #defaults()} keeps everything as the file says.
 */
public final class ImportOptions {
    private static final ImportOptions DEFAULTS = builder().build();

    private final String name;
    private final String model;
    private final String embedding;
    private final boolean stripMessages;
    private final boolean overrideExistingTools;

    private ImportOptions(Builder b) {
        name = b.name;
        model = b.model;
        embedding = b.embedding;
        stripMessages = b.stripMessages;
        overrideExistingTools = b.overrideExistingTools;
    }

    /** @return the options that keep the file's name, model, embedding, messages, and replace same-named tools */
    public static ImportOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name the imported agent gets instead of the file's, if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the model handle the imported agent uses instead of the file's, if set */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the embedding handle the imported agent uses instead of the file's, if set */
    public Optional<String> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** @return whether the file's messages are left out */
    public boolean stripMessages() {
        return stripMessages;
    }

    /** @return whether the file's tools replace existing tools of the same name (the server's default: true) */
    public boolean overrideExistingTools() {
        return overrideExistingTools;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportOptions i && Objects.equals(name, i.name) && Objects.equals(model, i.model)
                && Objects.equals(embedding, i.embedding) && stripMessages == i.stripMessages
                && overrideExistingTools == i.overrideExistingTools;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, model, embedding, stripMessages, overrideExistingTools);
    }

    @Override
    public String toString() {
        return "ImportOptions[name=" + name + ", model=" + model + ", embedding=" + embedding + ", stripMessages="
                + stripMessages + ", overrideExistingTools=" + overrideExistingTools + "]";
    }

    /** Builds {@link ImportOptions}; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String model;
        private String embedding;
        private boolean stripMessages;
        private boolean overrideExistingTools = true;

        private Builder() {}

        /**
         * @param name the imported agent's name
         * @return this
         */
        public Builder name(String name) {
            this.name = Checks.requireText(name, "ImportOptions.name");
            return this;
        }

        /**
         * @param model the model handle the imported agent uses, e.g. {@code openai/gpt-4.1}
         * @return this
         */
        public Builder model(String model) {
            this.model = Checks.requireText(model, "ImportOptions.model");
            return this;
        }

        /**
         * @param embedding the embedding handle the imported agent uses
         * @return this
         */
        public Builder embedding(String embedding) {
            this.embedding = Checks.requireText(embedding, "ImportOptions.embedding");
            return this;
        }

        /**
         * @param strip whether to leave the file's messages out
         * @return this
         */
        public Builder stripMessages(boolean strip) {
            this.stripMessages = strip;
            return this;
        }

        /**
         * @param override whether the file's tools replace existing tools of the same name
         * @return this
         */
        public Builder overrideExistingTools(boolean override) {
            this.overrideExistingTools = override;
            return this;
        }

        /** @return the options */
        public ImportOptions build() {
            return new ImportOptions(this);
        }
    }
}
