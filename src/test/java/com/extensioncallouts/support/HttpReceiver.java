package com.extensioncallouts.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port that stands in for an RMM: it records every request and
 * answers with the statuses it was told to, in order (then with the default, 200).
 */
public final class HttpReceiver implements AutoCloseable {

    /** A scripted answer: a status and body, or a hang that never answers. */
    public record Answer(int status, String body, boolean hang) {
        public static Answer status(int status) {
            return new Answer(status, "{\"status\":" + status + "}", false);
        }

        public static Answer hanging() {
            return new Answer(0, "", true);
        }
    }

    /** One request as the receiver saw it. Header names are case-insensitive. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Answer defaultAnswer = Answer.status(200);

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the next requests with these, in order; later requests get the default answer. */
    public HttpReceiver thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public HttpReceiver alwaysAnswer(Answer answer) {
        script.clear();
        defaultAnswer = answer;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> requests() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} requests have arrived, or the timeout passes. */
    public List<Received> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return requests();
    }

    public void reset() {
        received.clear();
        script.clear();
        defaultAnswer = Answer.status(200);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = script.isEmpty() ? defaultAnswer : script.poll();
            if (answer == null) {
                answer = defaultAnswer;
            }
            if (answer.hang()) {
                released.await(60, TimeUnit.SECONDS);
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
