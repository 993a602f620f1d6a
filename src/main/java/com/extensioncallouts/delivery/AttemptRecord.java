package com.extensioncallouts.delivery;

import java.time.Instant;

import com.extensioncallouts.http.AttemptOutcome;

/** One recorded attempt (table {@code callout_attempt}). {@code processInstanceId} is null for a test send. */
public record AttemptRecord(
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
        Outcome outcome) {

    public enum Outcome { DELIVERED, REJECTED, UNREACHABLE }

    static Outcome outcomeOf(AttemptOutcome outcome) {
        if (outcome instanceof AttemptOutcome.Delivered) {
            return Outcome.DELIVERED;
        }
        return outcome instanceof AttemptOutcome.Rejected ? Outcome.REJECTED : Outcome.UNREACHABLE;
    }
}
