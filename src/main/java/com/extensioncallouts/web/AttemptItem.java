package com.extensioncallouts.web;

import java.util.Map;
import java.util.stream.Collectors;

import com.extensioncallouts.journal.AttemptRecord;

/**
 * One attempt as the Deliveries view shows it: when, how long, what came of it, and the request and the
 * response written out as HTTP messages. Secrets come redacted from the store.
 */
public record AttemptItem(int attempt, String sentAt, String sentAtIso, long durationMs, boolean delivered,
        String outcome, String request, String response) {

    static AttemptItem of(AttemptRecord a) {
        boolean delivered = a.outcome() == AttemptRecord.Outcome.DELIVERED;
        return new AttemptItem(a.attempt(), UtcTimes.shown(a.sentAt()), a.sentAt().toString(), a.durationMs(),
                delivered, outcome(a, delivered), request(a), response(a));
    }

    private static String outcome(AttemptRecord a, boolean delivered) {
        if (a.status() == null) {
            return "No answer" + (a.error() == null ? "" : ": " + a.error());
        }
        return (delivered ? "Delivered: HTTP " : "Rejected: HTTP ") + a.status();
    }

    /** {@code POST url}, the headers, a blank line and the body, as it went out. */
    static String request(AttemptRecord a) {
        return message((a.method() == null ? "" : a.method() + " ") + nullToEmpty(a.url()), a.requestHeaders(),
                a.requestBody());
    }

    /** {@code HTTP 500}, the headers, a blank line and the body; or why nothing came back. */
    static String response(AttemptRecord a) {
        if (a.status() == null) {
            return "No response" + (a.error() == null ? "." : ": " + a.error());
        }
        return message("HTTP " + a.status(), a.responseHeaders(), a.responseBody());
    }

    private static String message(String firstLine, Map<String, String> headers, String body) {
        StringBuilder text = new StringBuilder(firstLine);
        if (headers != null && !headers.isEmpty()) {
            text.append('\n').append(headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue())
                    .collect(Collectors.joining("\n")));
        }
        if (body != null && !body.isEmpty()) {
            text.append("\n\n").append(body);
        }
        return text.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
