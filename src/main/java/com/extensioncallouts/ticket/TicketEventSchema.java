package com.extensioncallouts.ticket;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The body of {@code POST /api/ticket-events} as the API description shows it. The controller reads the body as
 * a tree ({@link TicketEventReader}), so that a ticket's other fields are forwarded as sent, in their order.
 */
@Schema(name = "TicketEvent")
record TicketEventSchema(
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "CREATED", "EDITED" },
                description = "Sent to the workflow rules as the signal ticket-created or ticket-edited")
        String event,
        @Schema(requiredMode = RequiredMode.REQUIRED) Ticket ticket) {

    @Schema(name = "Ticket", additionalProperties = AdditionalPropertiesValue.TRUE,
            description = "Any other fields (nested ones too) are kept and forwarded as given, in their order")
    record Ticket(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "A number or a non-blank string",
                    example = "4711", types = { "integer", "string" })
            Object id,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "T20261127.0042") String number,
            String title,
            @Schema(description = "Read in rules as ${ticket.status}") String status,
            String priority,
            String queue,
            @Schema(description = "User-defined fields: string values; read in rules as ${ticket.udfs['RMM Alert ID']}")
            Map<String, String> udfs) {
    }
}
