package com.extensioncallouts.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.ticket.TicketEventPublisher.TicketEventReceipt;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code POST /api/ticket-events}: a ticket system reports that a ticket was created or edited. */
@RestController
@Tag(name = "Ticket events", description = "What a ticket system reports; starts the workflow rules")
class TicketEventController {

    private final TicketEventReader reader;
    private final TicketEventPublisher publisher;

    TicketEventController(TicketEventReader reader, TicketEventPublisher publisher) {
        this.reader = reader;
        this.publisher = publisher;
    }

    // Bound as a tree, not a class: unknown ticket fields are forwarded as sent, in their order.
    // produces: a client that accepts no JSON gets its 406 before any rule starts, not after
    @Operation(summary = "Report that a ticket was created or edited", description = "Sent to the workflow rules "
            + "as the signal `ticket-created` or `ticket-edited`; answers the rule instances it started (maybe none). "
            + "A Camunda user of group `camunda-admin` or `ticket-systems`, or an API key.")
    @ApiResponse(responseCode = "429", description = "Too many wrong API keys from this address: wait Retry-After")
    @ApiResponse(responseCode = "503", description = "Too many ticket events at once; nothing was started: send "
            + "it again after Retry-After")
    @PostMapping(path = "/api/ticket-events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    TicketEventReceipt receive(@RequestBody @Schema(implementation = TicketEventSchema.class) JsonNode body) {
        return publisher.publish(reader.read(body));
    }
}
