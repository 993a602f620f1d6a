package com.extensioncallouts.delivery;

import java.time.Duration;
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
import com.extensioncallouts.http.CalloutShares;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.monitor.CalloutMetrics;
import com.extensioncallouts.monitor.CalloutMetrics.Outcome;

/**
 * "Send callout" (asynchronous, so a ticket event never waits for an RMM): one attempt of a delivery, its
 * result recorded with the job and handed to the gateways. A failed attempt is not an exception: the BPMN
 * loop decides whether to wait and send again.
 *
 * <p>An attempt needs a turn of its callout's share ({@link CalloutShares}). When every turn is taken (its RMM
 * is slow or hangs) nothing is sent and no attempt is counted: the error {@value #NO_TURN} takes the token to
 * the timer "Wait for a turn", which brings it back here after about as long as the callout's requests take
 * ({@code turnWait}, transient). The job ends normally, so its thread is free at once, and Camunda's job retries,
 * the delivery's attempts and the retry loop are all untouched. Why in the BPMN rather than by failing the job
 * and setting its due date in a custom failed-job command: a failed job rolls back, is logged with its stack
 * trace and recorded as a failure in history, and its retries are what a real error (the database away)
 * needs; a wait for a turn is no error, and in the BPMN Cockpit shows it for what it is.
 */
@Component("sendCallout")
class SendCalloutDelegate implements JavaDelegate {

    /** Caught by the boundary event on "Send callout": deactivated or deleted while retries were pending. */
    static final String WITHDRAWN = "CALLOUT_WITHDRAWN";
    /** Caught by the boundary event "No free turn": the callout's share is taken; wait, then ask again. */
    static final String NO_TURN = "CALLOUT_NO_TURN";

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final CalloutAttempts attempts;
    private final AttemptRecorder recorder;
    private final CalloutRetryPolicy retryPolicy;
    private final AutoDeactivation autoDeactivation;
    private final CalloutShares shares;
    private final CalloutMetrics metrics;

    SendCalloutDelegate(CalloutService callouts, Deliveries deliveries, CalloutAttempts attempts,
            AttemptRecorder recorder, CalloutRetryPolicy retryPolicy, AutoDeactivation autoDeactivation,
            CalloutShares shares, CalloutMetrics metrics) {
        this.callouts = callouts;
        this.shares = shares;
        this.metrics = metrics;
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
        CalloutAttempts.Sent sent;
        String waiter = execution.getProcessInstanceId();
        try (CalloutShares.Turn turn = shares.tryTake(callout.id(), waiter)
                .orElseThrow(() -> noTurn(execution, callout, delivery, attempt))) {
            sent = attempts.send(callout, delivery, attempt);
        }
        AttemptOutcome outcome = sent.outcome();
        boolean retry = !outcome.delivered() && retryPolicy.retriesLeft(attempt);
        metrics.attempted(callout.name(), outcome.delivered() ? Outcome.DELIVERED
                : retry ? Outcome.RETRYING : Outcome.FAILED, outcome.duration());
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

    /** Every turn of the callout's share is taken: wait at "Wait for a turn", then ask again (no attempt spent). */
    private BpmnError noTurn(DelegateExecution execution, Callout callout, Delivery delivery, int attempt) {
        Duration wait = shares.turnWait(callout.id(), execution.getProcessInstanceId());
        CalloutVariables.waitForTurn(execution, wait);
        metrics.waitedForTurn(callout.name());
        DeliveryLog.waitingForTurn(callout.name(), delivery.ticketNumber(), attempt, shares.permits(), wait);
        return new BpmnError(NO_TURN, "all " + shares.permits() + " turns of callout '" + callout.name() + "' taken");
    }

    /** The callout as it is now: an inactive or deleted callout is never sent, not even a pending retry. */
    private Callout sendable(DelegateExecution execution, Delivery delivery, int attempt) {
        Optional<Callout> callout = callouts.findByName(delivery.calloutName());
        String reason = CheckCalloutDelegate.unavailableReason(delivery.calloutName(), callout);
        if (reason != null) {
            deliveries.skip(delivery.processInstanceId(), reason, now());
            execution.setVariable(CalloutVariables.SKIP_REASON, reason);
            DeliveryLog.withdrawn(delivery.calloutName(), delivery.ticketNumber(), attempt, reason);
            metrics.skipped(delivery.calloutName());
            throw new BpmnError(WITHDRAWN, reason);
        }
        return callout.get();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
