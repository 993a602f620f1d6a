package com.extensioncallouts.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.ticket.TicketEventPublisher.TicketEventReceipt;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/ticket-events}: a ticket system reports that a ticket was created or edited. */
@RestController
class TicketEventController {

    private final TicketEventReader reader;
    private final TicketEventPublisher publisher;

    TicketEventController(TicketEventReader reader, TicketEventPublisher publisher) {
        this.reader = reader;
        this.publisher = publisher;
    }

    // Bound as a tree, not a class: unknown ticket fields are forwarded as sent, in their order.
    // produces: a client that accepts no JSON gets its 406 before any rule starts, not after
    @PostMapping(path = "/api/ticket-events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    TicketEventReceipt receive(@RequestBody JsonNode body) {
        return publisher.publish(reader.read(body));
    }
}
