package com.extensioncallouts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;

/**
 * "Send the next deliveries" of {@code callout-recovery}: a batch of the claimed deliveries, each started as
 * a new delivery and marked recovered in the same transaction. Sets {@code more} for the loop and counts
 * what was {@code sent} (shown in Cockpit).
 */
@Component("recoverDeliveries")
class RecoverDeliveriesDelegate implements JavaDelegate {

    static final int BATCH = 50;

    private final Deliveries deliveries;
    private final CalloutService callouts;
    private final Resends resends;

    RecoverDeliveriesDelegate(Deliveries deliveries, CalloutService callouts, Resends resends) {
        this.deliveries = deliveries;
        this.callouts = callouts;
        this.resends = resends;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String recoveryId = (String) execution.getVariable(Recoveries.RECOVERY_ID);
        long calloutId = ((Number) execution.getVariable(Recoveries.CALLOUT_ID)).longValue();
        Optional<Callout> callout = callouts.findById(calloutId);
        List<Delivery> batch = callout.isPresent() ? deliveries.claimedNotRecovered(recoveryId, BATCH) : List.of();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (Delivery delivery : batch) {
            if (delivery.ticket() != null) {
                resends.start(callout.get(), delivery);
            }
            deliveries.markRecovered(delivery.id(), now);
        }
        int sent = (execution.getVariable("sent") instanceof Number n ? n.intValue() : 0) + batch.size();
        execution.setVariable("sent", sent);
        execution.setVariable("more", Variables.booleanValue(batch.size() == BATCH, true));
        DeliveryLog.recovered(callout.map(Callout::name).orElse("#" + calloutId), batch.size(), recoveryId);
    }
}
