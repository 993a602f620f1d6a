package com.extensioncallouts.delivery;

import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.AttemptRecorder.DeliveryChange;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;

/**
 * "Send callout" (asynchronous, so a ticket event never waits for an RMM): one attempt of a delivery, its
 * result recorded with the job and handed to the gateways. A failed attempt is not an exception: the BPMN
 * loop decides whether to wait and send again.
 */
@Component("sendCallout")
class SendCalloutDelegate implements JavaDelegate {

    /** Caught by the boundary event on "Send callout": deactivated or deleted while retries were pending. */
    static final String WITHDRAWN = "CALLOUT_WITHDRAWN";

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final CalloutAttempts attempts;
    private final AttemptRecorder recorder;
    private final CalloutRetryPolicy retryPolicy;
    private final AutoDeactivation autoDeactivation;

    SendCalloutDelegate(CalloutService callouts, Deliveries deliveries, CalloutAttempts attempts,
            AttemptRecorder recorder, CalloutRetryPolicy retryPolicy, AutoDeactivation autoDeactivation) {
        this.callouts = callouts;
        this.autoDeactivation = autoDeactivation;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.recorder = recorder;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Delivery delivery = InstanceDelivery.of(execution, deliveries);
        int attempt = CalloutVariables.attemptsSoFar(execution, delivery) + 1;
        if (attempt > 1 && !retryPolicy.retriesLeft(attempt - 1)) {
            // A retry that waited while max-retries was lowered: the last failure stands, the loop ends
            DeliveryLog.exhausted(delivery.calloutName(), delivery.ticketNumber(), attempt - 1, delivery.lastError());
            deliveries.fail(delivery.processInstanceId(), now());
            CalloutVariables.notDelivered(execution, attempt - 1, delivery.lastStatus(), delivery.lastError());
            callouts.findByName(delivery.calloutName()).ifPresent(autoDeactivation::failedForGood);
            return;
        }

        Callout callout = sendable(execution, delivery, attempt);
        CalloutAttempts.Sent sent = attempts.send(callout, delivery, attempt);
        AttemptOutcome outcome = sent.outcome();
        boolean retry = !outcome.delivered() && retryPolicy.retriesLeft(attempt);
        DeliveryState state = outcome.delivered() ? DeliveryState.DELIVERED
                : retry ? DeliveryState.RETRYING : DeliveryState.FAILED;
        recorder.withJob(sent, new DeliveryChange(delivery.processInstanceId(), state, outcome.status(),
                outcome.delivered() ? null : outcome.summary(), retry ? now().plus(retryPolicy.interval()) : null));
        CalloutVariables.afterAttempt(execution, attempt, outcome, callout.notification().when());

        if (outcome.delivered()) {
            autoDeactivation.delivered(callout);
        } else if (!retry) {
            autoDeactivation.failedForGood(callout);
        }
        if (retry) {
            DeliveryLog.retryScheduled(callout.name(), sent.ticketNumber(), attempt + 1, retryPolicy.maxAttempts(),
                    retryPolicy.getInterval());
        } else if (!outcome.delivered()) {
            DeliveryLog.exhausted(callout.name(), sent.ticketNumber(), attempt, outcome.summary());
        }
    }

    /** The callout as it is now: an inactive or deleted callout is never sent, not even a pending retry. */
    private Callout sendable(DelegateExecution execution, Delivery delivery, int attempt) {
        Optional<Callout> callout = callouts.findByName(delivery.calloutName());
        String reason = CheckCalloutDelegate.unavailableReason(delivery.calloutName(), callout);
        if (reason != null) {
            deliveries.skip(delivery.processInstanceId(), reason, now());
            execution.setVariable(CalloutVariables.SKIP_REASON, reason);
            DeliveryLog.withdrawn(delivery.calloutName(), delivery.ticketNumber(), attempt, reason);
            throw new BpmnError(WITHDRAWN, reason);
        }
        return callout.get();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
