package com.extensioncallouts.delivery;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;

/**
 * One attempt, the same wherever it starts (a rule's send task, a retry from Cockpit, the page's
 * "Send test"): build the request, send it, record it, log it.
 */
@Component
class CalloutDelivery {

    private final CalloutSender sender;
    private final AttemptLog attempts;
    private final CalloutRequestBuilder builder;

    CalloutDelivery(CalloutSender sender, AttemptLog attempts, UserAgent userAgent) {
        this.sender = sender;
        this.attempts = attempts;
        this.builder = new CalloutRequestBuilder(userAgent.value());
    }

    AttemptOutcome attempt(Callout callout, Map<String, Object> ticket, String event, int attempt,
            String idempotencyKey, String processInstanceId) {
        CalloutRequest request = builder.build(callout, ticket, event, attempt, idempotencyKey);
        Instant sentAt = Instant.now();
        AttemptOutcome outcome = sender.send(request);
        String ticketNumber = TicketVariable.number(ticket);
        try {
            attempts.record(new AttemptRecord(processInstanceId, callout.id(), callout.name(), ticketNumber,
                    idempotencyKey, attempt, sentAt, outcome.duration().toMillis(), outcome.status(),
                    outcome.delivered() ? null : outcome.summary(), AttemptRecord.outcomeOf(outcome)));
        } catch (RuntimeException e) {
            // The request is out. Failing here would roll back the job and send it again under the
            // same attempt number; the attempt still lives on in the process variables and this log.
            DeliveryLog.notRecorded(callout.name(), ticketNumber, attempt, e);
        }
        if (outcome.delivered()) {
            DeliveryLog.delivered(callout.name(), ticketNumber, attempt, outcome.status(), outcome.duration().toMillis());
        } else {
            DeliveryLog.attemptFailed(callout.name(), ticketNumber, attempt, outcome.summary());
        }
        return outcome;
    }
}
