package com.extensioncallouts.ticket;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.extensioncallouts.engine.CommittedWrites;
import com.extensioncallouts.problem.BusyException;

/**
 * Sends a ticket event to every workflow rule that listens for it, and names the rule instances it started
 * ({@link StartedRules}). Each event gets an id for the answer and the log. A few events are worked on at a
 * time ({@link SignalBatches}): under a storm the others queue there, holding no database connection, so
 * that the deliveries the earlier events created keep their share of the connections and the CPU.
 */
@Service
class TicketEventPublisher {

    /** Process variables every rule instance starts with; rules read them in expressions. */
    static final String TICKET = "ticket";
    static final String TICKET_EVENT = "ticketEvent";

    private final SignalBatches signals;
    private final CommittedWrites committed;

    TicketEventPublisher(SignalBatches signals, CommittedWrites committed) {
        this.signals = signals;
        this.committed = committed;
    }

    TicketEventReceipt publish(TicketEvent event) {
        String eventId = UUID.randomUUID().toString();
        String signal = event.type().signalName();
        TicketLog.received(eventId, event, signal);
        List<StartedRule> started;
        try {
            started = signals.send(signal, () -> variables(event));
        } catch (BusyException e) {
            TicketLog.busy(event, e);
            throw e;
        } catch (RuntimeException e) {
            TicketLog.signalFailed(eventId, signal, e);
            throw e;
        }
        // Answered 202 only once the rule instances survive a crash. After the turn: a turn bounds the work on
        // the engine and its connections, and a slow file write must not hold back the events behind it
        committed.await();
        List<StartedRule> sorted = started.stream().sorted(Comparator.comparing(StartedRule::processDefinitionKey)
                .thenComparing(StartedRule::processInstanceId)).toList();
        TicketLog.started(eventId, event, sorted);
        return new TicketEventReceipt(eventId, sorted);
    }

    /** The variables every rule instance starts with, new for each attempt to start them. */
    private static VariableMap variables(TicketEvent event) {
        return Variables.createVariables()
                // Spin's JSON format: readable as a map in expressions (${ticket.status}) without Java serialization
                .putValueTyped(TICKET, Variables.objectValue(event.ticketCopy())
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())
                .putValue(TICKET_EVENT, event.type().name());
    }

    /** The answer to a ticket event. */
    record TicketEventReceipt(String eventId, List<StartedRule> workflowRules) {
    }

    /** One workflow rule instance that an event started. */
    record StartedRule(String processDefinitionKey, String processInstanceId) {
    }
}
