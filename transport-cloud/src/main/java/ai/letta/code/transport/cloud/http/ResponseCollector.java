package ai.letta.code.transport.cloud.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The last stage of a request's pipeline: completes the future with the aggregated answer, copied off the
 * event loop, or with whatever ended the connection first. Stateful, so one per connection.
 */
final class ResponseCollector extends SimpleChannelInboundHandler<FullHttpResponse> {

    private final CompletableFuture<RawResponse> answer;

    ResponseCollector(CompletableFuture<RawResponse> answer) {
        this.answer = answer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
        answer.complete(new RawResponse(response.status().code(), response.headers().copy(),
                ByteBufUtil.getBytes(response.content())));
        context.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        answer.completeExceptionally(cause);
        context.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        answer.completeExceptionally(new IOException("the connection closed before a whole answer"));
        context.fireChannelInactive();
    }
}
