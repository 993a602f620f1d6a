package com.extensioncallouts.journal;

import java.time.Instant;
import java.util.Map;

import com.extensioncallouts.http.AttemptOutcome;

/**
 * One attempt as it went out and what came back (table {@code callout_attempt}). Header values that carry
 * a secret read {@code [redacted]}; bodies are cut ({@link #REQUEST_BODY_CHARS}, {@link #RESPONSE_BODY_CHARS}).
 * {@code processInstanceId} is null for the page's "Send test".
 */
public record AttemptRecord(
        Long id,
        String processInstanceId,
        Long calloutId,
        String calloutName,
        String ticketNumber,
        String idempotencyKey,
        int attempt,
        Instant sentAt,
        long durationMs,
        Integer status,
        String error,
        Outcome outcome,
        String method,
        String url,
        Map<String, String> requestHeaders,
        String requestBody,
        Map<String, String> responseHeaders,
        String responseBody) {

    public static final int REQUEST_BODY_CHARS = 64 * 1024;
    public static final int RESPONSE_BODY_CHARS = 20 * 1024;

    public enum Outcome { DELIVERED, REJECTED, UNREACHABLE }

    public static Outcome outcomeOf(AttemptOutcome outcome) {
        if (outcome instanceof AttemptOutcome.Delivered) {
            return Outcome.DELIVERED;
        }
        return outcome instanceof AttemptOutcome.Rejected ? Outcome.REJECTED : Outcome.UNREACHABLE;
    }
}
