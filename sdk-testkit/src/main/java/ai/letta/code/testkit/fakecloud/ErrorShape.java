package ai.letta.code.testkit.fakecloud;

import tools.jackson.databind.node.ObjectNode;

/** The error bodies Letta servers answer with, for {@link FakeLettaCloud#failNext}. */
public enum ErrorShape {
    /** FastAPI: {@code {"detail": message}}. */
    DETAIL,
    /** {@code {"error": {"type": code, "message": message}}}. */
    ERROR_OBJECT,
    /** The cloud control plane's: {@code {"errorCode": code, "message": message}}. */
    ERROR_CODE;

    /**
     * The body for {@code code} (ignored by {@link #DETAIL}) and {@code message}, as JSON text.
     *
     * @param code the error code
     * @param message the error message
     * @return the body
     */
    public String body(String code, String message) {
        ObjectNode body = CloudWire.JSON.createObjectNode();
        switch (this) {
            case DETAIL -> body.put("detail", message);
            case ERROR_OBJECT -> body.putObject("error").put("type", code).put("message", message);
            case ERROR_CODE -> body.put("errorCode", code).put("message", message);
        }
        return body.toString();
    }
}
