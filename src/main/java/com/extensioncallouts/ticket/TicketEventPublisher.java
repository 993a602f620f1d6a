package com.extensioncallouts.ticket;

import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Sends a ticket event to every workflow rule that listens for it. A signal does not say which
 * process instances it started, so each event carries its own id ({@code ticketEventId}) and the
 * rules it started are found by that tag in history, where rules that already ended remain too.
 */
@Service
class TicketEventPublisher {

    /** Process variables every rule instance starts with; rules read them in expressions. */
    static final String TICKET = "ticket";
    static final String TICKET_EVENT = "ticketEvent";
    static final String TICKET_EVENT_ID = "ticketEventId";

    /** Some databases store start times in whole seconds. */
    private static final Duration LOOKUP_MARGIN = Duration.ofSeconds(2);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    TicketEventPublisher(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    TicketEventReceipt publish(TicketEvent event) {
        String eventId = UUID.randomUUID().toString();
        String signal = event.type().signalName();
        TicketLog.received(eventId, event, signal);
        VariableMap variables = Variables.createVariables()
                // Spin's JSON format: readable as a map in expressions (${ticket.status}) without Java serialization
                .putValueTyped(TICKET, Variables.objectValue(event.ticket())
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue(TICKET_EVENT, event.type().name())
                .putValue(TICKET_EVENT_ID, eventId);
        // Bounds the history lookup to recent instances (indexed start time) instead of every tagged one
        Date startedAfter = new Date(ClockUtil.getCurrentTime().getTime() - LOOKUP_MARGIN.toMillis());
        try {
            runtimeService.createSignalEvent(signal).setVariables(variables).send();
        } catch (RuntimeException e) {
            TicketLog.signalFailed(eventId, signal, e);
            throw e;
        }
        List<StartedRule> started = startedBy(eventId, startedAfter);
        TicketLog.started(eventId, started);
        return new TicketEventReceipt(eventId, started);
    }

    private List<StartedRule> startedBy(String eventId, Date startedAfter) {
        return historyService.createHistoricProcessInstanceQuery()
                .startedAfter(startedAfter)
                .variableValueEquals(TICKET_EVENT_ID, eventId)
                .rootProcessInstances()
                .list().stream()
                .sorted(Comparator.comparing(HistoricProcessInstance::getProcessDefinitionKey)
                        .thenComparing(HistoricProcessInstance::getId))
                .map(instance -> new StartedRule(instance.getProcessDefinitionKey(), instance.getId()))
                .toList();
    }

    /** The answer to a ticket event. */
    record TicketEventReceipt(String eventId, List<StartedRule> workflowRules) {
    }

    /** One workflow rule instance that an event started. */
    record StartedRule(String processDefinitionKey, String processInstanceId) {
    }
}
