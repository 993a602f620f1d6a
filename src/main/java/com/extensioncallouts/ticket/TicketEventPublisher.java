package com.extensioncallouts.ticket;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Sends a ticket event to every workflow rule that listens for it, and names the rule instances it started
 * ({@link StartedRules}). Each event gets an id for the answer and the log.
 */
@Service
class TicketEventPublisher {

    /** Process variables every rule instance starts with; rules read them in expressions. */
    static final String TICKET = "ticket";
    static final String TICKET_EVENT = "ticketEvent";

    private final RuntimeService runtimeService;

    TicketEventPublisher(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    TicketEventReceipt publish(TicketEvent event) {
        String eventId = UUID.randomUUID().toString();
        String signal = event.type().signalName();
        TicketLog.received(eventId, event, signal);
        VariableMap variables = Variables.createVariables()
                // Spin's JSON format: readable as a map in expressions (${ticket.status}) without Java serialization
                .putValueTyped(TICKET, Variables.objectValue(event.ticket())
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue(TICKET_EVENT, event.type().name());
        List<StartedRule> started;
        try {
            started = StartedRules.during(() -> runtimeService.createSignalEvent(signal).setVariables(variables).send());
        } catch (RuntimeException e) {
            TicketLog.signalFailed(eventId, signal, e);
            throw e;
        }
        List<StartedRule> sorted = started.stream().sorted(Comparator.comparing(StartedRule::processDefinitionKey)
                .thenComparing(StartedRule::processInstanceId)).toList();
        TicketLog.started(eventId, event, sorted);
        return new TicketEventReceipt(eventId, sorted);
    }

    /** The answer to a ticket event. */
    record TicketEventReceipt(String eventId, List<StartedRule> workflowRules) {
    }

    /** One workflow rule instance that an event started. */
    record StartedRule(String processDefinitionKey, String processInstanceId) {
    }
}
