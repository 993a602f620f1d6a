package com.extensioncallouts.delivery;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.problem.ConflictException;
import com.extensioncallouts.problem.NotFoundException;

/**
 * Sends a delivery's ticket again as a new delivery: a new extension-callout instance with the same ticket
 * and event, its own idempotency key, attempt 1 onwards, linked to the original ({@code resendOf}).
 */
@Service
public class Resends {

    private final Deliveries deliveries;
    private final CalloutService callouts;
    private final RuntimeService runtime;

    Resends(Deliveries deliveries, CalloutService callouts, RuntimeService runtime) {
        this.deliveries = deliveries;
        this.callouts = callouts;
        this.runtime = runtime;
    }

    /** {@code NotFoundException} for an unknown delivery; {@code ConflictException} when it cannot be sent. */
    @Transactional
    public Delivery resend(long deliveryId) {
        Delivery original = deliveries.byId(deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery with id " + deliveryId + "."));
        Callout callout = sendableCallout(original);
        if (original.ticket() == null) {
            throw new ConflictException("Delivery " + deliveryId + " has no ticket to send: " + original.skipReason());
        }
        String processInstanceId = start(callout, original);
        DeliveryLog.resent(callout.name(), original.ticketNumber(), deliveryId);
        return deliveries.forInstance(processInstanceId).orElseThrow();
    }

    /** Starts the new delivery (in the caller's transaction) and returns its process instance id. */
    String start(Callout callout, Delivery original) {
        Map<String, Object> ticket = TicketVariable.fromJson(original.ticket());
        return runtime.startProcessInstanceByKey(CalloutVariables.PROCESS_KEY, Variables.createVariables()
                .putValue(CalloutVariables.CALLOUT_NAME, callout.name())
                .putValueTyped(CalloutVariables.TICKET, Variables.objectValue(ticket)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue(CalloutVariables.TICKET_EVENT, original.event())
                .putValue(CalloutVariables.RESEND_OF, original.id())).getId();
    }

    private Callout sendableCallout(Delivery original) {
        Callout callout = original.calloutId() == null ? null : callouts.findById(original.calloutId()).orElse(null);
        if (callout == null) {
            throw new ConflictException("Callout '" + original.calloutName() + "' no longer exists; "
                    + "delivery " + original.id() + " cannot be sent again.");
        }
        if (!callout.active()) {
            throw new ConflictException("Callout '" + callout.name() + "' is inactive. Activate it first; "
                    + "a resend now would only be skipped.");
        }
        return callout;
    }
}
