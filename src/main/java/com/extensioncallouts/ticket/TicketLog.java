package com.extensioncallouts.ticket;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.extensioncallouts.problem.BusyException;
import com.extensioncallouts.ticket.TicketEventPublisher.StartedRule;

/** Numbered log messages of the ticket feature (CALLOUT-03xxx); operators search for the codes. */
final class TicketLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.ticket");

    private TicketLog() {
    }

    static void received(String eventId, TicketEvent event, String signal) {
        LOG.debug("CALLOUT-03001 Ticket event {}: {} of ticket {} ({}), sending signal '{}'", eventId,
                event.type(), event.ticket().get("number"), event.ticket().get("id"), signal);
    }

    /** One line per event at INFO: what came in and what it started. */
    static void started(String eventId, TicketEvent event, List<StartedRule> rules) {
        LOG.info("CALLOUT-03002 Ticket event {}: {} of ticket {} ({}) started {} workflow rule(s): {}", eventId,
                event.type(), event.ticket().get("number"), event.ticket().get("id"), rules.size(),
                rules.stream().map(StartedRule::processDefinitionKey).toList());
    }

    static void signalFailed(String eventId, String signal, RuntimeException e) {
        LOG.error("CALLOUT-03003 Ticket event {}: a workflow rule failed on signal '{}'; no rule was started",
                eventId, signal, e);
    }

    static void transactionFailed(int events, Throwable e) {
        LOG.warn("CALLOUT-03006 A transaction of {} ticket events was rolled back ({}); they are sent "
                + "again, the one that failed alone", events, e.toString());
    }

    static void failedAfterCommit(int events, Throwable e) {
        LOG.error("CALLOUT-03007 A transaction of {} ticket events committed, then failed; their rules started and "
                + "are not started again", events, e);
    }

    static void busy(TicketEvent event, BusyException e) {
        LOG.warn("CALLOUT-03005 Ticket event for ticket {} refused with 503: {}", event.ticket().get("number"),
                e.getMessage());
    }

    static void invalid(int problems) {
        LOG.debug("CALLOUT-03004 Refused a ticket event with {} invalid field(s)", problems);
    }
}
