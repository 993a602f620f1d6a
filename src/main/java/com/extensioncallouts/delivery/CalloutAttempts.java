package com.extensioncallouts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.http.CalloutRequest;
import com.extensioncallouts.http.CalloutRequestBuilder;
import com.extensioncallouts.http.CalloutSender;
import com.extensioncallouts.http.UserAgent;
import com.extensioncallouts.journal.AttemptRecord;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.signing.SigningSecrets;
import com.extensioncallouts.signing.WebhookSignature;

/**
 * One attempt, the same wherever it starts (a rule's send task, a retry from Cockpit, the page's "Send
 * test"): build the request, send it, log it. Recording it is the caller's, in the transaction it needs
 * ({@link AttemptRecorder}).
 */
@Component
class CalloutAttempts {

    /** What was sent, when, and what came of it. */
    record Sent(Callout callout, String ticketNumber, String idempotencyKey, int attempt, Instant sentAt,
            CalloutRequest request, AttemptOutcome outcome) {

        /** The attempt in full, as it may be stored and shown: every secret redacted. */
        AttemptRecord record(String processInstanceId) {
            String responseBody = outcome instanceof AttemptOutcome.Delivered d ? d.responseExcerpt()
                    : outcome instanceof AttemptOutcome.Rejected r ? r.responseExcerpt() : null;
            return new AttemptRecord(null, processInstanceId, callout.id(), callout.name(), ticketNumber,
                    idempotencyKey, attempt, sentAt, outcome.duration().toMillis(), outcome.status(),
                    outcome.delivered() ? null : outcome.summary(), AttemptRecord.outcomeOf(outcome),
                    request.method().name(), request.url(), request.redactedHeaders(), request.body(),
                    outcome.status() == null ? null : outcome.responseHeaders(), responseBody);
        }
    }

    private final CalloutSender sender;
    private final CalloutRequestBuilder builder;
    private final SigningSecrets signing;

    CalloutAttempts(CalloutSender sender, UserAgent userAgent, SigningSecrets signing) {
        this.sender = sender;
        this.builder = new CalloutRequestBuilder(userAgent.value());
        this.signing = signing;
    }

    Sent send(Callout callout, Map<String, Object> ticket, String event, int attempt, String idempotencyKey) {
        CalloutRequest request = signed(callout, builder.build(callout, ticket, event, attempt, idempotencyKey),
                idempotencyKey);
        Instant sentAt = Instant.now();
        AttemptOutcome outcome = sender.send(request);
        String ticketNumber = TicketVariable.number(ticket);
        if (outcome.delivered()) {
            DeliveryLog.delivered(callout.name(), ticketNumber, attempt, outcome.status(), outcome.duration().toMillis());
        } else {
            DeliveryLog.attemptFailed(callout.name(), ticketNumber, attempt, outcome.summary());
        }
        return new Sent(callout, ticketNumber, idempotencyKey, attempt, sentAt, request, outcome);
    }

    /** Signs the request if the callout has a signing secret: the webhook-id is the idempotency key. */
    private CalloutRequest signed(Callout callout, CalloutRequest request, String idempotencyKey) {
        List<byte[]> keys = callout.id() == null ? List.of() : signing.keys(callout.id());
        if (keys.isEmpty()) {
            return request;
        }
        return request.withHeaders(WebhookSignature.headers(idempotencyKey, Instant.now().getEpochSecond(),
                request.body(), keys));
    }

    /** The attempt of a delivery: its ticket, event and key. */
    Sent send(Callout callout, Delivery delivery, int attempt) {
        return send(callout, TicketVariable.fromJson(delivery.ticket()), delivery.event(), attempt,
                delivery.idempotencyKey());
    }
}
