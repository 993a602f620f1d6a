package com.extensioncallouts.delivery;

import static com.extensioncallouts.delivery.CalloutVariables.*;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;

/**
 * "Check callout": decides, inside the ticket event's own transaction, whether this trigger sends
 * anything. Skips set {@code skipReason} ("CODE: text"); a trigger that goes ahead gets its one
 * idempotency key here, so every attempt of it carries the same one.
 */
@Component("checkCallout")
class CheckCalloutDelegate implements JavaDelegate {

    private final CalloutService callouts;

    CheckCalloutDelegate(CalloutService callouts) {
        this.callouts = callouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CALLOUT_NAME);
        inheritTicketEvent(execution);
        // This runs in the calling rule's transaction: an exception would fail the whole ticket event
        Map<String, Object> ticket = readableTicket(execution, name);
        if (ticket == null) {
            return;
        }

        Optional<Callout> found = callouts.findByName(name);
        String skipReason = skipReason(name, found, ticket);
        if (skipReason != null) {
            skip(execution, name, TicketVariable.number(ticket), skipReason);
            return;
        }
        Callout callout = found.get();
        execution.setVariable(CALLOUT_ID, callout.id());
        execution.setVariable(NOTIFY_WHEN, callout.notification().when().name());
        execution.setVariable(IDEMPOTENCY_KEY, UUID.randomUUID().toString());
        execution.setVariable(ATTEMPT, 0);
    }

    private static void skip(DelegateExecution execution, String name, String ticketNumber, String reason) {
        execution.setVariable(SKIP_REASON, reason);
        DeliveryLog.skipped(name, ticketNumber, reason);
    }

    /**
     * The ticket as a map, or null after recording the skip: a rule that passes no ticket, or something
     * that is not a JSON object, gets a reason, not an exception.
     */
    private static Map<String, Object> readableTicket(DelegateExecution execution, String name) {
        Object raw = execution.getVariable(TICKET);
        if (raw == null) {
            skip(execution, name, "(no ticket)", "NO_TICKET: the calling rule passed no variable 'ticket'");
            return null;
        }
        try {
            return TicketVariable.read(execution);
        } catch (IllegalArgumentException e) {
            skip(execution, name, "(no ticket)", "INVALID_TICKET: the variable 'ticket' is not a JSON object but a "
                    + raw.getClass().getSimpleName());
            return null;
        }
    }

    static String skipReason(String name, Optional<Callout> found, Map<String, Object> ticket) {
        String unavailable = unavailableReason(name, found);
        if (unavailable != null) {
            return unavailable;
        }
        Callout callout = found.get();
        if (callout.restrictedToUdf()) {
            String value = TicketVariable.udf(ticket, callout.udfName());
            if (value == null || value.isBlank()) {
                return "NO_UDF_VALUE: ticket " + TicketVariable.number(ticket)
                        + " has no value in the user-defined field '" + callout.udfName() + "'";
            }
        }
        return null;
    }

    /**
     * Why a callout cannot be sent at all, or null: unknown (never created, or deleted since) or
     * inactive. Asked here and again before every later attempt, since either can change meanwhile.
     */
    static String unavailableReason(String name, Optional<Callout> found) {
        if (found.isEmpty()) {
            return "UNKNOWN_CALLOUT: no callout is named '" + name + "'";
        }
        return found.get().active() ? null : "INACTIVE: callout '" + found.get().name() + "' is inactive";
    }

    /** api.md asks rules to pass only ticket and calloutName; the event is still on the calling rule. */
    private static void inheritTicketEvent(DelegateExecution execution) {
        if (execution.getVariable(TICKET_EVENT) != null) {
            return;
        }
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        Object event = caller == null ? null : caller.getVariable(TICKET_EVENT);
        if (event != null) {
            execution.setVariable(TICKET_EVENT, event.toString());
        }
    }
}
