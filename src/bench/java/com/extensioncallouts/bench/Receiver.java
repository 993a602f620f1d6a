package com.extensioncallouts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The RMM: a loopback HTTP server that answers at once and notes when each ticket's request arrived.
 * {@code /ok} answers 200; {@code /fail-first} answers 500 to a first attempt ({@code X-Callout-Attempt: 1})
 * and 200 to the others; {@code /fail} answers 500. Tickets are told apart by their {@code id}, which
 * the load driver makes unique for the whole run.
 */
final class Receiver implements AutoCloseable {

    /** When a ticket's first and second attempts arrived ({@link System#nanoTime()}). */
    record Arrivals(long first, long second) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<Long, Arrivals> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The first arrival of this ticket, or 0 if it has not arrived. */
    long firstArrival(long ticketId) {
        Arrivals a = arrivals.get(ticketId);
        return a == null ? 0 : a.first();
    }

    /** The arrival of this ticket's second attempt, or 0. */
    long secondArrival(long ticketId) {
        Arrivals a = arrivals.get(ticketId);
        return a == null ? 0 : a.second();
    }

    long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            long id = ticketId(body);
            int attempt = attempt(exchange.getRequestHeaders().getFirst("X-Callout-Attempt"));
            if (id >= 0) {
                arrivals.merge(id, new Arrivals(now, 0),
                        (old, fresh) -> old.second() == 0 && attempt >= 2 ? new Arrivals(old.first(), now) : old);
            }
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/fail" -> 500;
                case "/fail-first" -> attempt <= 1 ? 500 : 200;
                default -> 200;
            };
            exchange.sendResponseHeaders(status, -1);
        } finally {
            exchange.close();
        }
    }

    /** The number after the first {@code "id":} of the body: the ticket's id in both applications' JSON. */
    static long ticketId(String body) {
        int at = body.indexOf("\"id\":");
        if (at < 0) {
            return -1;
        }
        int i = at + 5;
        while (i < body.length() && body.charAt(i) == ' ') {
            i++;
        }
        long id = 0;
        int digits = 0;
        for (; i < body.length() && Character.isDigit(body.charAt(i)); i++, digits++) {
            id = id * 10 + (body.charAt(i) - '0');
        }
        return digits == 0 ? -1 : id;
    }

    private static int attempt(String header) {
        try {
            return header == null ? 1 : Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
