package com.extensioncallouts.delivery;

import static com.extensioncallouts.delivery.CalloutVariables.*;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;

/**
 * "Failed: retry from Cockpit". Its asynchronous job runs once with no retries left
 * ({@code failedJobRetryTimeCycle R1/PT0S}): the first run only fails, which leaves an incident and sends
 * nothing. When an operator retries the job in Cockpit it runs again, and since the job then already
 * carries the first failure's exception message, this run sends the callout once more with the same
 * idempotency key: delivered ends the instance, failed leaves the incident again.
 */
@Component("retryFromCockpit")
class RetryFromCockpitDelegate implements JavaDelegate {

    private final CalloutService callouts;
    private final CalloutDelivery delivery;
    private final AttemptLog attemptLog;

    RetryFromCockpitDelegate(CalloutService callouts, CalloutDelivery delivery, AttemptLog attemptLog) {
        this.callouts = callouts;
        this.delivery = delivery;
        this.attemptLog = attemptLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CALLOUT_NAME);
        // A failed retry rolls its variables back, but its attempt is recorded: count from both
        int attemptsSoFar = Math.max(attempts(execution),
                attemptLog.lastAttemptNumber(execution.getProcessInstanceId()));
        if (!failedBefore(execution)) {
            throw new CalloutFailedException(name, attemptsSoFar, String.valueOf(execution.getVariable(LAST_ERROR)));
        }

        Map<String, Object> ticket = TicketVariable.read(execution);
        int attempt = attemptsSoFar + 1;
        DeliveryLog.retryFromCockpit(name, TicketVariable.number(ticket), attempt);
        Optional<Callout> callout = callouts.findByName(name);
        String unavailable = CheckCalloutDelegate.unavailableReason(name, callout);
        if (unavailable != null) {
            throw new CalloutFailedException("Callout '" + name + "' not sent: " + unavailable);
        }
        AttemptOutcome outcome = delivery.attempt(callout.get(), ticket, (String) execution.getVariable(TICKET_EVENT),
                attempt, (String) execution.getVariable(IDEMPOTENCY_KEY), execution.getProcessInstanceId());
        if (!outcome.delivered()) {
            throw new CalloutFailedException(name, attempt, outcome.summary());
        }
        SendCalloutDelegate.record(execution, attempt, outcome);
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
