package ai.letta.code.transport.cloud.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * One whole answer, copied off the event loop.
 *
 * @param status the HTTP status code
 * @param headers its headers
 * @param body its body, decompressed
 */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

    boolean success() {
        return status >= 200 && status < 300;
    }

    /** @return {@code x-should-retry} as the server set it: true, false, or {@code null} when absent */
    Boolean shouldRetry() {
        String value = headers.get("x-should-retry");
        return value == null ? null : value.strip().equalsIgnoreCase("true") ? Boolean.TRUE
                : value.strip().equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
}
