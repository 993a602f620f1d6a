package com.extensioncallouts.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One delivery with every attempt in full ({@code GET /api/deliveries/{id}}). Secrets read [redacted]. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DeliveryDetails(long id, Long calloutId, String calloutName, String ticketId, String ticketNumber,
        String event, DeliveryState state, String skipReason, List<AttemptView> attempts, Instant nextAttemptAt,
        Instant createdAt, Instant finishedAt, String ruleProcessInstanceId, String processInstanceId,
        Long resendOf, String idempotencyKey) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptView(int attempt, Instant sentAt, long durationMs, String method, String url,
            Map<String, String> requestHeaders, String requestBody, Integer responseStatus,
            Map<String, String> responseHeaders, String responseBody, String error) {

        static AttemptView of(AttemptRecord a) {
            return new AttemptView(a.attempt(), a.sentAt(), a.durationMs(), a.method(), a.url(), a.requestHeaders(),
                    a.requestBody(), a.status(), a.responseHeaders(), a.responseBody(), a.error());
        }
    }

    static DeliveryDetails of(Delivery d, List<AttemptRecord> attempts) {
        return new DeliveryDetails(d.id(), d.calloutId(), d.calloutName(), d.ticketId(), d.ticketNumber(), d.event(),
                d.state(), d.skipReason(), attempts.stream().map(AttemptView::of).toList(), d.nextAttemptAt(),
                d.createdAt(), d.finishedAt(), d.ruleProcessInstanceId(), d.processInstanceId(), d.resendOf(),
                d.idempotencyKey());
    }
}
