package com.extensioncallouts.delivery;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import com.extensioncallouts.journal.Deliveries;
import com.extensioncallouts.journal.Delivery;
import com.extensioncallouts.journal.DeliveryState;

/**
 * The delivery of the instance a process step runs in. An instance started before deliveries were recorded
 * still has its ticket and key as variables: it gets its delivery now, from them.
 */
final class InstanceDelivery {

    private InstanceDelivery() {
    }

    static Delivery of(DelegateExecution execution, Deliveries deliveries) {
        return deliveries.forInstance(execution.getProcessInstanceId()).orElseGet(() -> adopt(execution, deliveries));
    }

    private static Delivery adopt(DelegateExecution execution, Deliveries deliveries) {
        Map<String, Object> ticket;
        try {
            ticket = TicketVariable.read(execution);
        } catch (IllegalArgumentException notAJsonObject) {
            ticket = Map.of();
        }
        Object key = execution.getVariable(CalloutVariables.IDEMPOTENCY_KEY);
        Object event = execution.getVariable(CalloutVariables.TICKET_EVENT);
        int attempts = CalloutVariables.attempts(execution);
        Delivery delivery = new Delivery(null, execution.getProcessInstanceId(), null, null,
                String.valueOf(execution.getVariable(CalloutVariables.CALLOUT_NAME)), TicketVariable.id(ticket),
                TicketVariable.number(ticket), event == null ? null : event.toString(), TicketVariable.toJson(ticket),
                key == null ? UUID.randomUUID().toString() : key.toString(),
                attempts == 0 ? DeliveryState.PENDING : DeliveryState.RETRYING, null, attempts, null, null, null,
                ClockUtil.getCurrentTime().toInstant(), null, null);
        deliveries.insert(delivery);
        return deliveries.forInstance(execution.getProcessInstanceId()).orElse(delivery);
    }
}
