package ai.letta.code.api;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the user sends in one {@code Session.send}.
 *
 * @param content the parts, in order; at least one
 */
public record UserMessage(List<ContentPart> content) {
    /**
     * Validates and copies.
     *
     * @param content the parts, in order; at least one
     */
    public UserMessage {
        content = List.copyOf(Checks.requireNonNull(content, "UserMessage.content"));
        if (content.isEmpty()) {
            throw new ConfigurationException("UserMessage.content needs at least one part");
        }
    }

    /**
     * @param text the message; must not be blank
     * @return a text message
     */
    public static UserMessage text(String text) {
        return new UserMessage(List.of(ContentPart.text(Checks.requireText(text, "message text"))));
    }

    /**
     * @param parts text and image parts
     * @return the message
     */
    public static UserMessage of(ContentPart... parts) {
        return new UserMessage(List.of(parts));
    }

    /** @return the text parts joined with newlines (images left out) */
    public String plainText() {
        return content.stream().filter(ContentPart.Text.class::isInstance).map(p -> ((ContentPart.Text) p).text())
                .collect(Collectors.joining("\n"));
    }
}
