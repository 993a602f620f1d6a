package com.extensioncallouts.journal;

import java.time.Instant;

/**
 * One trigger of a callout (table {@code callout_delivery}): one {@code extension-callout} process instance,
 * the ticket it sends, the key every attempt carries, and where it stands. {@code ticket} is the ticket as
 * the rule passed it, as JSON.
 */
public record Delivery(
        Long id,
        String processInstanceId,
        String ruleProcessInstanceId,
        Long calloutId,
        String calloutName,
        String ticketId,
        String ticketNumber,
        String event,
        String ticket,
        String idempotencyKey,
        DeliveryState state,
        String skipReason,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant finishedAt,
        Long resendOf) {

    public boolean delivered() {
        return state == DeliveryState.DELIVERED;
    }
}
