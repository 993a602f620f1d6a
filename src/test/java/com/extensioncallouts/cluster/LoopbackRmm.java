package com.extensioncallouts.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * RMMs on a loopback port that answer what a policy says, possibly after a delay (a request in flight), and
 * keep for every request what a test counts: path, {@code Idempotency-Key}, {@code X-Callout-Attempt}, the
 * ticket number and the status answered. Holds thousands of requests cheaply: no headers or bodies kept.
 */
final class LoopbackRmm implements AutoCloseable {

    /** One request and the answer it got (decided as it arrived). */
    record Hit(String path, String idempotencyKey, int attempt, String ticketNumber, int status, long arrivedAtNanos) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** What to answer, and how long to take first. */
    record Reply(int status, Duration delay) {
        static Reply status(int status) {
            return new Reply(status, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final Queue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final Function<Hit, Reply> policy;

    /** @param policy given each request (its status still 0), says what to answer */
    LoopbackRmm(Function<Hit, Reply> policy) throws IOException {
        this.policy = policy;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits() {
        return new ArrayList<>(hits);
    }

    List<Hit> hits(Predicate<Hit> which) {
        return hits.stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String attempt = exchange.getRequestHeaders().getFirst("X-Callout-Attempt");
            Hit arrived = new Hit(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    attempt == null ? 0 : Integer.parseInt(attempt),
                    parameter(exchange.getRequestURI().getRawQuery(), "number"), 0, System.nanoTime());
            Reply reply = policy.apply(arrived);
            hits.add(new Hit(arrived.path(), arrived.idempotencyKey(), arrived.attempt(), arrived.ticketNumber(),
                    reply.status(), arrived.arrivedAtNanos()));
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] body = ("{\"status\":" + reply.status() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException callerGone) {
            // the node that asked was killed meanwhile: the hit is recorded all the same
        }
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
