package com.extensioncallouts.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated ticket event: the ticket's fields in the order the ticket system sent them. */
record TicketEvent(TicketEventType type, Map<String, Object> ticket) {

    /** A copy of the ticket for one attempt to start the rules: a rule may change its ticket in place. */
    @SuppressWarnings("unchecked")
    Map<String, Object> ticketCopy() {
        return (Map<String, Object>) copy(ticket);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, field) -> copy.put((String) key, copy(field)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copy(element)));
            return copy;
        }
        return value; // JSON strings, numbers, booleans and null, none of them changeable
    }
}
