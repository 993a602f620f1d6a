package com.extensioncallouts.delivery;

import static com.extensioncallouts.delivery.CalloutVariables.*;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;

/**
 * "Send callout" (asynchronous, so a ticket event never waits for an RMM): one attempt, its result
 * in variables for the gateways and for Cockpit. A failed attempt is not an exception: the BPMN
 * loop decides whether to wait and send again.
 */
@Component("sendCallout")
class SendCalloutDelegate implements JavaDelegate {

    /** Caught by the boundary event on "Send callout": deactivated or deleted while retries were pending. */
    static final String WITHDRAWN = "CALLOUT_WITHDRAWN";

    private final CalloutService callouts;
    private final CalloutDelivery delivery;
    private final CalloutRetryPolicy retryPolicy;

    SendCalloutDelegate(CalloutService callouts, CalloutDelivery delivery, CalloutRetryPolicy retryPolicy) {
        this.callouts = callouts;
        this.delivery = delivery;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CALLOUT_NAME);
        Map<String, Object> ticket = TicketVariable.read(execution);
        String ticketNumber = TicketVariable.number(ticket);
        int attempt = attempts(execution) + 1;
        if (attempt > 1 && !retryPolicy.retriesLeft(attempt - 1)) {
            // A retry that waited while max-retries was lowered: the last failure stands, the loop ends
            DeliveryLog.exhausted(name, ticketNumber, attempt - 1, String.valueOf(execution.getVariable(LAST_ERROR)));
            return;
        }

        Callout callout = sendable(execution, name, ticketNumber, attempt);
        AttemptOutcome outcome = delivery.attempt(callout, ticket, (String) execution.getVariable(TICKET_EVENT),
                attempt, (String) execution.getVariable(IDEMPOTENCY_KEY), execution.getProcessInstanceId());
        record(execution, attempt, outcome);

        if (!outcome.delivered()) {
            if (retryPolicy.retriesLeft(attempt)) {
                DeliveryLog.retryScheduled(name, ticketNumber, attempt + 1, retryPolicy.maxAttempts(),
                        retryPolicy.getInterval());
            } else {
                DeliveryLog.exhausted(name, ticketNumber, attempt, outcome.summary());
            }
        }
    }

    /** The callout as it is now: an inactive or deleted callout is never sent, not even a pending retry. */
    private Callout sendable(DelegateExecution execution, String name, String ticketNumber, int attempt) {
        Optional<Callout> callout = callouts.findByName(name);
        String reason = CheckCalloutDelegate.unavailableReason(name, callout);
        if (reason != null) {
            execution.setVariable(SKIP_REASON, reason);
            DeliveryLog.withdrawn(name, ticketNumber, attempt, reason);
            throw new BpmnError(WITHDRAWN, reason);
        }
        return callout.get();
    }

    static void record(DelegateExecution execution, int attempt, AttemptOutcome outcome) {
        execution.setVariable(ATTEMPT, attempt);
        execution.setVariable(LAST_STATUS, Variables.integerValue(outcome.status()));
        execution.setVariable(LAST_ERROR, Variables.stringValue(outcome.delivered() ? null : outcome.summary()));
        execution.setVariable(DELIVERED, outcome.delivered());
    }
}
