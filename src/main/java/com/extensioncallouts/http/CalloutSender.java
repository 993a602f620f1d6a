package com.extensioncallouts.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;
import org.camunda.connect.ConnectorException;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.network.NetworkGuard;
import com.extensioncallouts.network.RefusedAddressException;

/**
 * Sends one {@link CalloutRequest} through our Camunda Connect HTTP connector and says what came of it.
 * Success is decided here from the status code (2xx only); no exception leaves this class for an
 * unreachable RMM, it becomes {@link AttemptOutcome.Unreachable}. So does an address the {@link NetworkGuard}
 * refuses: it is checked before every attempt (a pooled connection would otherwise be reused without a new look
 * at the name) and again whenever a connection is opened.
 */
@Component
public class CalloutSender implements DisposableBean {

    private final CalloutHttpConnector connector;
    private final Duration timeout;
    private final NetworkGuard guard;

    CalloutSender(CalloutsProperties properties, NetworkGuard guard) {
        this.timeout = properties.http().timeout();
        this.guard = guard;
        this.connector = new CalloutHttpConnector(timeout, properties.http().maxConcurrentPerCallout(),
                guard::resolve);
    }

    public AttemptOutcome send(CalloutRequest request) {
        long started = System.nanoTime();
        try {
            guard.resolve(URI.create(request.url()).getHost());
        } catch (IOException | IllegalArgumentException e) {
            return new AttemptOutcome.Unreachable(describe(e), since(started));
        }
        HttpRequest http = connector.createRequest();
        try {
            http.url(request.url()).method(request.method().name());
            request.headers().forEach(http::header);
            if (request.contentType() != null) {
                http.contentType(request.contentType());
            }
            if (request.body() != null) {
                http.payload(request.body());
            }
            HttpResponse response = connector.execute(http);
            try {
                int status = response.getStatusCode();
                List<String> secrets = request.secretValues();
                String excerpt = redact(response.getResponse(), secrets);
                Map<String, String> headers = new LinkedHashMap<>();
                if (response.getHeaders() != null) {
                    response.getHeaders().forEach((name, value) -> headers.put(name, redact(value, secrets)));
                }
                Duration took = since(started);
                return status >= 200 && status < 300
                        ? new AttemptOutcome.Delivered(status, took, excerpt, headers)
                        : new AttemptOutcome.Rejected(status, took, excerpt, headers);
            } finally {
                response.close();
            }
        } catch (ConnectorException | IllegalArgumentException e) {
            String reason = CalloutHttpConnector.endDeadline(http)
                    ? "no complete answer within " + seconds(connector.deadline()) + " (deadline)" : describe(e);
            return new AttemptOutcome.Unreachable(reason, since(started));
        } finally {
            CalloutHttpConnector.endDeadline(http);
        }
    }

    /** A short, secret-free reason for people: the URL's host may appear, headers never do. */
    private String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedAddressException) {
                return t.getMessage();
            }
            if (t instanceof ConnectionPoolTimeoutException) {
                return "no free connection within " + seconds(timeout);
            }
            if (t instanceof ConnectTimeoutException) {
                return "connect timeout after " + seconds(timeout);
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer within " + seconds(timeout) + " (timeout)";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoHttpResponseException) {
                return "connection closed without an HTTP answer";
            }
            if (t instanceof SSLException) {
                return "TLS error: " + t.getMessage();
            }
            if (t instanceof InterruptedIOException || t instanceof IOException) {
                return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
            if (t instanceof IllegalArgumentException) {
                return "invalid URL";
            }
        }
        return "request failed: " + e.getClass().getSimpleName();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** An RMM that echoes our request back must not carry our secret into a log, a page or a record. */
    static String redact(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        for (String secret : secrets) {
            text = text.replace(secret, CalloutRequest.REDACTED);
        }
        return text;
    }

    @Override
    public void destroy() throws IOException {
        connector.close();
    }
}
