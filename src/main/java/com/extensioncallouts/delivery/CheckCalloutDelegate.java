package com.extensioncallouts.delivery;

import static com.extensioncallouts.delivery.CalloutVariables.*;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.monitor.CalloutMetrics;

/**
 * "Check callout": decides, inside the ticket event's own transaction, whether this trigger sends anything,
 * and records the trigger as a {@link Delivery} either way. The delivery keeps the ticket and the one
 * idempotency key every attempt carries; the process instance keeps only what Cockpit shows, so the ticket
 * (and the event) are not stored a second time as its variables.
 */
@Component("checkCallout")
class CheckCalloutDelegate implements JavaDelegate {

    private final CalloutService callouts;
    private final Deliveries deliveries;
    private final CalloutMetrics metrics;

    CheckCalloutDelegate(CalloutService callouts, Deliveries deliveries, CalloutMetrics metrics) {
        this.callouts = callouts;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = (String) execution.getVariable(CALLOUT_NAME);
        String event = ticketEvent(execution);
        // This runs in the calling rule's transaction: an exception would fail the whole ticket event
        Object raw = execution.getVariable(TICKET);
        Map<String, Object> ticket = null;
        String skipReason;
        if (raw == null) {
            skipReason = "NO_TICKET: the calling rule passed no variable 'ticket'";
        } else {
            try {
                ticket = TicketVariable.read(execution);
                skipReason = null;
            } catch (IllegalArgumentException e) {
                skipReason = "INVALID_TICKET: the variable 'ticket' is not a JSON object but a "
                        + raw.getClass().getSimpleName();
            }
        }
        Optional<Callout> found = callouts.findByName(name);
        if (skipReason == null) {
            skipReason = skipReason(name, found, ticket);
        }
        record(execution, name, found, ticket, event, skipReason);
        execution.removeVariableLocal(TICKET);
        execution.removeVariableLocal(TICKET_EVENT);
        execution.removeVariableLocal(RESEND_OF);
        if (skipReason != null) {
            execution.setVariable(SKIP_REASON, skipReason);
            // Counted once committed: a ticket event's transaction may be rolled back and sent again
            // (ticket/SignalBatches), which would count the same trigger twice
            String callout = name == null ? "" : name;
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> metrics.skipped(callout));
            DeliveryLog.skipped(name, ticket == null ? "(no ticket)" : TicketVariable.number(ticket), skipReason);
        }
    }

    private void record(DelegateExecution execution, String name, Optional<Callout> callout,
            Map<String, Object> ticket, String event, String skipReason) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        deliveries.insert(new Delivery(null, execution.getProcessInstanceId(),
                caller == null ? null : caller.getProcessInstanceId(), callout.map(Callout::id).orElse(null),
                callout.map(Callout::name).orElse(name == null ? "" : name),
                ticket == null ? null : TicketVariable.id(ticket),
                ticket == null ? null : TicketVariable.number(ticket), event,
                ticket == null ? null : TicketVariable.toJson(ticket), UUID.randomUUID().toString(),
                skipReason == null ? DeliveryState.PENDING : DeliveryState.SKIPPED, skipReason, 0, null, null, null,
                now, skipReason == null ? null : now,
                execution.getVariable(RESEND_OF) instanceof Number original ? original.longValue() : null));
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
    private static String ticketEvent(DelegateExecution execution) {
        Object event = execution.getVariable(TICKET_EVENT);
        if (event == null) {
            DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
            event = caller == null ? null : caller.getVariable(TICKET_EVENT);
        }
        return event == null ? null : event.toString();
    }
}
