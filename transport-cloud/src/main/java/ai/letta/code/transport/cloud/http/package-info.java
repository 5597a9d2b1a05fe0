/**
 * The Letta API over Netty HTTP/1.1: {@link ai.letta.code.transport.cloud.http.LettaHttp} sends JSON requests
 * (HTTPS with hostname verification and SNI, bearer auth, timeouts, a response-size cap, gzip), retries the
 * idempotent ones by {@link ai.letta.code.transport.cloud.http.RetryPolicy}, and turns error answers into the
 * sdk-api exceptions (cloud.md §2.9, §4 points 5 and 6). JSON stays inside this package and the wire records of
 * its callers: nothing here hands out a JSON tree.
 */
package ai.letta.code.transport.cloud.http;
