package com.extensioncallouts.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;
import org.camunda.connect.httpclient.impl.HttpResponseImpl;

/**
 * Camunda Connect's HTTP connector, set up for callouts: its own connector id (the stock
 * {@code http-connector} stays untouched), {@code callouts.http.timeout} on connect, read and pool
 * waits, a bounded number of connections per RMM, no redirects and no silent resends (each request is one
 * counted attempt), header values never logged (they carry secrets), and at most {@link #EXCERPT_BYTES} of an
 * answer read. Host names are resolved by the given resolver (the network guard), and a connection goes only to
 * an address it returned: the request keeps the URL's host in its {@code Host} header and for TLS (SNI,
 * certificate check).
 */
class CalloutHttpConnector extends HttpConnectorImpl implements AutoCloseable {

    static final String ID = "extension-callout-http";
    /** How much of an answer's body is read: what an attempt records of it. */
    static final int EXCERPT_BYTES = 20 * 1024;
    /** Every request is aborted after this many {@code callouts.http.timeout}s ({@link JobLockCheck}). */
    static final int DEADLINE_TIMEOUTS = 3;
    /** Connections to one route (host and port), in shares of one callout. */
    static final int ROUTE_SHARES = 2;
    static final int MAX_TOTAL = 100;
    /** Request parameter holding the scheduled abort of one request; {@link #endDeadline} cancels it. */
    private static final String DEADLINE = "callouts.deadline";

    private final RequestConfig requestConfig;
    /**
     * The timeouts bound each wait (pool, connect, every read), not the whole: an RMM that sends a byte
     * now and then could hold a job thread past the job's lock, and the engine would send the attempt
     * again. Every request is aborted after three timeouts, whatever it is doing.
     */
    private final Duration deadline;
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "callout-http-deadline");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param maxConcurrentPerCallout each callout's share ({@link CalloutShares}); a route (one RMM's host and
     *        port) gets {@value #ROUTE_SHARES} times that in connections, enough for two callouts to the same
     *        RMM and an operator's test send, and never the whole pool
     * @param resolver the network guard's name lookup: the only addresses a connection may go to
     */
    CalloutHttpConnector(Duration timeout, int maxConcurrentPerCallout, DnsResolver resolver) {
        super(ID);
        int millis = Math.toIntExact(timeout.toMillis());
        this.deadline = timeout.multipliedBy(DEADLINE_TIMEOUTS);
        // Nearly every abort is cancelled: drop it at once rather than keep the request until its delay
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.requestConfig = RequestConfig.custom()
                .setConnectTimeout(millis)
                .setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .setRedirectsEnabled(false)
                .build();
        // The super constructor asks for a client before our fields exist; build the real one now
        this.httpClient = buildClient(millis, ROUTE_SHARES * maxConcurrentPerCallout, resolver);
    }

    @Override
    protected CloseableHttpClient createClient() {
        return null;
    }

    private CloseableHttpClient buildClient(int timeoutMillis, int maxPerRoute, DnsResolver resolver) {
        // The same socket factories as the connection manager's default, with our resolver
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", SSLConnectionSocketFactory.getSocketFactory())
                        .build(), resolver);
        connections.setMaxTotal(Math.max(MAX_TOTAL, maxPerRoute));
        connections.setDefaultMaxPerRoute(maxPerRoute);
        connections.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeoutMillis).build());
        return HttpClients.custom()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    Duration deadline() {
        return deadline;
    }

    @Override
    protected <T extends HttpRequestBase> T createHttpRequest(HttpRequest request) {
        T httpRequest = super.createHttpRequest(request);
        Deadline abort = new Deadline(httpRequest);
        abort.scheduled = deadlines.schedule(abort, deadline.toMillis(), TimeUnit.MILLISECONDS);
        request.setRequestParameter(DEADLINE, abort);
        return httpRequest;
    }

    /** Once the answer is read (or the request failed) it needs no abort any more. Says whether it was aborted. */
    static boolean endDeadline(HttpRequest request) {
        if (request.getRequestParameter(DEADLINE) instanceof Deadline abort) {
            abort.scheduled.cancel(false);
            return abort.fired.get();
        }
        return false;
    }

    /**
     * The abort of one request at its deadline. Noted before the request is aborted: the reading thread sees
     * its socket closed at once, possibly before the abort itself has returned.
     */
    private static final class Deadline implements Runnable {

        private final HttpRequestBase request;
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile Future<?> scheduled;

        Deadline(HttpRequestBase request) {
            this.request = request;
        }

        @Override
        public void run() {
            fired.set(true);
            request.abort();
        }
    }

    /** The stock connector replaces the whole request config per request; ours always applies. */
    @Override
    protected <T extends HttpRequestBase> void applyConfig(T httpRequest, Map<String, Object> configOptions) {
        httpRequest.setConfig(requestConfig);
    }

    /** Same as the stock connector, without its debug log line that prints header values. */
    @Override
    protected <T extends HttpRequestBase> void applyHeaders(T httpRequest, Map<String, String> headers) {
        if (headers != null) {
            headers.forEach(httpRequest::setHeader);
        }
    }

    @Override
    protected HttpResponse createResponse(CloseableHttpResponse response) {
        return new ExcerptResponse(response);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        httpClient.close();
    }

    /** Reads the status, headers and the first bytes of the body only, then closes the response. */
    static class ExcerptResponse extends HttpResponseImpl {

        ExcerptResponse(CloseableHttpResponse response) {
            super(response);
        }

        @Override
        protected void collectResponseParameters(Map<String, Object> responseParameters) {
            try {
                if (httpResponse.getStatusLine() != null) {
                    responseParameters.put(PARAM_NAME_STATUS_CODE, httpResponse.getStatusLine().getStatusCode());
                }
                collectResponseHeaders();
                HttpEntity entity = httpResponse.getEntity();
                if (entity != null) {
                    Charset charset = charset(entity);
                    InputStream in = entity.getContent();
                    responseParameters.put(PARAM_NAME_RESPONSE, new String(in.readNBytes(EXCERPT_BYTES), charset));
                    if (in.read() == -1) {
                        in.close(); // all read: the connection goes back to the pool
                    }
                    // else closing the stream would read the rest; closing the response drops the connection
                }
            } catch (IOException | RuntimeException e) {
                // The status is what decides; a body that cannot be read leaves the excerpt empty
                responseParameters.putIfAbsent(PARAM_NAME_RESPONSE, "");
            } finally {
                try {
                    httpResponse.close();
                } catch (IOException ignored) {
                    // the connection is discarded either way
                }
            }
        }

        private static Charset charset(HttpEntity entity) {
            try {
                Charset charset = ContentType.getOrDefault(entity).getCharset();
                return charset == null ? StandardCharsets.UTF_8 : charset;
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
