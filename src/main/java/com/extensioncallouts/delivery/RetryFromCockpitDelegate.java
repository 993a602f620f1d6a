package com.extensioncallouts.delivery;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.delivery.AttemptRecorder.DeliveryChange;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.monitor.CalloutMetrics;
import com.extensioncallouts.monitor.CalloutMetrics.Outcome;

/**
 * "Failed: retry from Cockpit". Its asynchronous job runs once with no retries left
 * ({@code failedJobRetryTimeCycle R1/PT0S}): the first run only fails, which leaves an incident and sends
 * nothing. When an operator retries the job in Cockpit it runs again, and since the job then already
 * carries the first failure's exception message, this run sends the callout once more with the same
 * idempotency key: delivered ends the instance, failed leaves the incident again. Each such attempt is
 * recorded at once, since a failed one rolls the job back.
 */
@Component("retryFromCockpit")
class RetryFromCockpitDelegate implements JavaDelegate {

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final CalloutAttempts attempts;
    private final AttemptRecorder recorder;
    private final AutoDeactivation autoDeactivation;
    private final CalloutMetrics metrics;

    RetryFromCockpitDelegate(CalloutService callouts, Deliveries deliveries, CalloutAttempts attempts,
            AttemptRecorder recorder, AutoDeactivation autoDeactivation, CalloutMetrics metrics) {
        this.callouts = callouts;
        this.metrics = metrics;
        this.autoDeactivation = autoDeactivation;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.recorder = recorder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Delivery delivery = InstanceDelivery.of(execution, deliveries);
        String name = delivery.calloutName();
        int attemptsSoFar = CalloutVariables.attemptsSoFar(execution, delivery);
        if (!failedBefore(execution)) {
            throw new CalloutFailedException(delivery, attemptsSoFar, lastResult(delivery.lastStatus(),
                    delivery.lastError()));
        }

        int attempt = attemptsSoFar + 1;
        DeliveryLog.retryFromCockpit(name, delivery.ticketNumber(), attempt);
        Optional<Callout> callout = callouts.findByName(name);
        String unavailable = CheckCalloutDelegate.unavailableReason(name, callout);
        if (unavailable != null) {
            throw new CalloutFailedException("Callout '" + name + "' not sent for ticket " + delivery.ticketNumber()
                    + ": " + unavailable + " (delivery " + delivery.id() + ")");
        }
        CalloutAttempts.Sent sent = attempts.send(callout.get(), delivery, attempt);
        AttemptOutcome outcome = sent.outcome();
        metrics.attempted(name, outcome.delivered() ? Outcome.DELIVERED : Outcome.FAILED, outcome.duration());
        recorder.atOnce(sent, new DeliveryChange(delivery.processInstanceId(),
                outcome.delivered() ? DeliveryState.DELIVERED : DeliveryState.FAILED, outcome.status(),
                outcome.delivered() ? null : outcome.summary(), null));
        if (!outcome.delivered()) {
            throw new CalloutFailedException(delivery, attempt, outcome.summary());
        }
        autoDeactivation.delivered(callout.get());
        CalloutVariables.afterAttempt(execution, attempt, outcome, callout.get().notification().when());
    }

    private static String lastResult(Integer status, String error) {
        if (error != null) {
            return error;
        }
        return status == null ? "no answer" : "HTTP " + status;
    }

    /** Has this step's job failed before? Only then is this run an operator's retry. */
    private static boolean failedBefore(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .executionId(execution.getId())
                .activityId(execution.getCurrentActivityId())
                .singleResult();
        return job != null && job.getExceptionMessage() != null;
    }
}
