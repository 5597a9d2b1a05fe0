package ai.letta.code.api;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/** One part of a user message: text or an image. */
public sealed interface ContentPart {

    /**
     * @param text the text
     * @return a text part
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * @param mediaType e.g. {@code image/png}
     * @param base64 the image bytes, base64-encoded
     * @return an image part
     */
    static Image imageBase64(String mediaType, String base64) {
        return new Image(mediaType, base64);
    }

    /**
     * @param file a PNG, JPEG, GIF or WebP file
     * @return an image part holding the file's bytes
     * @throws ConfigurationException if the type is not one of those, or the file cannot be read
     */
    static Image imageFromFile(Path file) {
        Checks.requireNonNull(file, "image file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".png") ? "image/png"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
                : name.endsWith(".gif") ? "image/gif"
                : name.endsWith(".webp") ? "image/webp"
                : null;
        if (type == null) {
            throw new ConfigurationException("ContentPart.imageFromFile takes .png, .jpg, .jpeg, .gif or .webp (got "
                    + file.getFileName() + ")");
        }
        try {
            return new Image(type, Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ConfigurationException("ContentPart.imageFromFile cannot read " + file + " (" + e
                    + "); check the path and its permissions", e);
        }
    }

    /**
     * Text.
     *
     * @param text the text
     */
    record Text(String text) implements ContentPart {
        /**
         * Validates.
         *
         * @param text the text
         */
        public Text {
            Checks.requireNonNull(text, "ContentPart.text");
        }
    }

    /**
     * An image.
     *
     * @param mediaType the MIME type
     * @param base64 the bytes, base64-encoded
     */
    record Image(String mediaType, String base64) implements ContentPart {
        /**
         * Validates.
         *
         * @param mediaType the MIME type
         * @param base64 the bytes, base64-encoded
         */
        public Image {
            Checks.requireText(mediaType, "ContentPart.image mediaType");
            Checks.requireText(base64, "ContentPart.image data");
        }

        @Override
        public String toString() {
            return "Image[" + mediaType + ", " + base64.length() + " base64 chars]";
        }
    }
}
