package com.extensioncallouts.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** How a ticket event reaches one of the applications under test. */
interface EventTarget {

    /** A ticket event of this kind for a ticket with this (run-wide unique) id. */
    HttpRequest event(long ticketId, String event);

    /** The body both applications send to the RMM, and the bare one receives as its {@code ticket}. */
    static String rmmBody(long ticketId, String event) {
        return "{\"event\":\"" + event + "\",\"ticket\":{\"id\":" + ticketId + ",\"number\":\"T20261127." + ticketId
                + "\",\"title\":\"Disk space low on SRV-01\",\"status\":\"Complete\",\"priority\":\"High\","
                + "\"queue\":\"Monitoring Alert\",\"udfs\":{\"RMM Alert ID\":\"a-" + ticketId + "\"}}}";
    }

    static HttpRequest.Builder post(URI uri, String json) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    /** Extension Callouts: {@code POST /api/ticket-events} as a ticket system sends it (HTTP Basic). */
    record Callouts(URI base, String user, String password) implements EventTarget {

        String authorization() {
            return "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public HttpRequest event(long ticketId, String event) {
            return post(base.resolve("/api/ticket-events"), rmmBody(ticketId, event))
                    .header("Authorization", authorization()).build();
        }
    }

    /** Bare Camunda: {@code POST /engine-rest/signal} with the ticket as a string variable (no authentication, as stock). */
    record Bare(URI base) implements EventTarget {

        @Override
        public HttpRequest event(long ticketId, String event) {
            String ticket = rmmBody(ticketId, event).replace("\\", "\\\\").replace("\"", "\\\"");
            String signal = "ticket-" + event.toLowerCase();
            return post(base.resolve("/engine-rest/signal"), "{\"name\":\"" + signal
                    + "\",\"variables\":{\"ticket\":{\"value\":\"" + ticket + "\",\"type\":\"String\"}}}").build();
        }
    }
}
