package com.extensioncallouts.journal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A delivery as the API shows it; {@code attempts} is how many were made so far. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(long id, Long calloutId, String calloutName, String ticketId, String ticketNumber,
        String event, DeliveryState state, String skipReason, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant finishedAt, String ruleProcessInstanceId, String processInstanceId, Long resendOf,
        String idempotencyKey) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.calloutId(), d.calloutName(), d.ticketId(), d.ticketNumber(), d.event(),
                d.state(), d.skipReason(), d.attempts(), d.nextAttemptAt(), d.createdAt(), d.finishedAt(),
                d.ruleProcessInstanceId(), d.processInstanceId(), d.resendOf(), d.idempotencyKey());
    }
}
