package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.exception.ConfigurationException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestEncoder;
import io.netty.handler.codec.http.multipart.MemoryFileUpload;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link FormBody} as {@code multipart/form-data} bytes, by Netty's {@link HttpPostRequestEncoder}, all in memory
 * (no temporary files). The encoder streams a large body in chunks; they are gathered here, since
 * {@link LettaHttp} sends each request whole, with its length.
 */
final class FormEncoding {

    /**
     * @param contentType the body's content type, with its boundary
     * @param body the encoded parts
     */
    record Encoded(String contentType, byte[] body) {
    }

    private FormEncoding() {
    }

    static Encoded encode(FormBody form) {
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/");
        HttpPostRequestEncoder encoder = null;
        try {
            encoder = new HttpPostRequestEncoder(new DefaultHttpDataFactory(false), head, true);
            for (FormBody.Part part : form.parts()) {
                if (part.fileName() == null) {
                    encoder.addBodyAttribute(part.name(), new String(part.content(), StandardCharsets.UTF_8));
                } else {
                    MemoryFileUpload file = new MemoryFileUpload(part.name(), part.fileName(), part.contentType(),
                            null, null, part.content().length);
                    file.setContent(Unpooled.wrappedBuffer(part.content()));
                    encoder.addBodyHttpData(file);
                }
            }
            HttpRequest finished = encoder.finalizeRequest();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (finished instanceof FullHttpRequest whole) {
                append(body, whole.content());
            } else {
                while (!encoder.isEndOfInput()) {
                    HttpContent chunk = encoder.readChunk(ByteBufAllocator.DEFAULT);
                    append(body, chunk.content());
                }
            }
            return new Encoded(finished.headers().get(HttpHeaderNames.CONTENT_TYPE), body.toByteArray());
        } catch (Exception e) {
            throw new ConfigurationException("could not encode the multipart/form-data body " + form + " (" + e
                    + ")", e);
        } finally {
            if (encoder != null) {
                encoder.cleanFiles();
            }
        }
    }

    private static void append(ByteArrayOutputStream out, ByteBuf content) {
        try {
            out.writeBytes(ByteBufUtil.getBytes(content));
        } finally {
            content.release();
        }
    }
}
