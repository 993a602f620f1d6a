package com.extensioncallouts.ticket;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.engine.CommittedWrites;
import com.extensioncallouts.problem.BusyException;

/**
 * Sends a ticket event to every workflow rule that listens for it, and names the rule instances it started
 * ({@link StartedRules}). Each event gets an id for the answer and the log. A few events are worked on at a
 * time: under a storm the others queue here, holding no database connection, so that the deliveries the
 * earlier events created keep their share of the connections and the CPU.
 */
@Service
class TicketEventPublisher {

    /** Process variables every rule instance starts with; rules read them in expressions. */
    static final String TICKET = "ticket";
    static final String TICKET_EVENT = "ticketEvent";

    private final RuntimeService runtimeService;
    private final CommittedWrites committed;
    /** Ticket events worked on at once ({@code callouts.ticket-events.*}); the rest wait for a turn. */
    private final Semaphore turns;
    private final Duration maxWait;

    TicketEventPublisher(RuntimeService runtimeService, CommittedWrites committed, CalloutsProperties properties) {
        this.runtimeService = runtimeService;
        this.committed = committed;
        this.turns = new Semaphore(properties.ticketEvents().concurrency(), true);
        this.maxWait = properties.ticketEvents().maxWait();
    }

    TicketEventReceipt publish(TicketEvent event) {
        try {
            if (!turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                TicketLog.busy(event, maxWait);
                throw new BusyException("Too many ticket events at once; none was started for this one. "
                        + "Send it again in a moment.", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("Interrupted while waiting for a turn; send the ticket event again.",
                    Duration.ofSeconds(1));
        }
        TicketEventReceipt receipt;
        try {
            receipt = send(event);
        } finally {
            turns.release();
        }
        // Answered 202 only once the rule instances survive a crash. Outside the turn: a turn bounds the work
        // on the engine and its connections, and a slow file write must not hold back the events behind it
        committed.await();
        return receipt;
    }

    private TicketEventReceipt send(TicketEvent event) {
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
