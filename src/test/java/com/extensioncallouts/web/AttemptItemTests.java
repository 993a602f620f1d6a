package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.journal.AttemptRecord;
import com.extensioncallouts.journal.AttemptRecord.Outcome;

/** An attempt written out as the two HTTP messages it was: what went out, and what came back or why nothing did. */
class AttemptItemTests {

    private static final Instant SENT = Instant.parse("2026-11-28T10:00:03.250Z");

    @Test
    void aRejectedAttemptShowsBothMessagesWithTheirHeadersAndBodies() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Authorization", "[redacted]");
        sent.put("X-Callout-Attempt", "1");
        AttemptItem item = AttemptItem.of(attempt(500, null, Outcome.REJECTED, sent, "{\"ticket\":1}",
                Map.of("Content-Type", "application/json"), "{\"error\":\"busy\"}"));

        assertThat(item.sentAt()).isEqualTo("2026-11-28 10:00:03 UTC");
        assertThat(item.delivered()).isFalse();
        assertThat(item.outcome()).isEqualTo("Rejected: HTTP 500");
        assertThat(item.request()).isEqualTo("""
                POST https://rmm.example/close
                Authorization: [redacted]
                X-Callout-Attempt: 1

                {"ticket":1}""");
        assertThat(item.response()).isEqualTo("""
                HTTP 500
                Content-Type: application/json

                {"error":"busy"}""");
    }

    @Test
    void anAttemptNobodyAnsweredSaysWhy() {
        AttemptItem item = AttemptItem.of(attempt(null, "Connection refused", Outcome.UNREACHABLE, null, null, null,
                null));

        assertThat(item.outcome()).isEqualTo("No answer: Connection refused");
        assertThat(item.request()).isEqualTo("POST https://rmm.example/close");
        assertThat(item.response()).isEqualTo("No response: Connection refused");
    }

    private static AttemptRecord attempt(Integer status, String error, Outcome outcome, Map<String, String> sent,
            String requestBody, Map<String, String> received, String responseBody) {
        return new AttemptRecord(1L, "pi-1", 7L, "Datto RMM", "T1", "key-1", 1, SENT, 42, status, error, outcome,
                "POST", "https://rmm.example/close", sent, requestBody, received, responseBody);
    }
}
