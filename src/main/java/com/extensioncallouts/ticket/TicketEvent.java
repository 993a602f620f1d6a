package com.extensioncallouts.ticket;

import java.util.Map;

/** A validated ticket event: the ticket's fields in the order the ticket system sent them. */
record TicketEvent(TicketEventType type, Map<String, Object> ticket) {
}
