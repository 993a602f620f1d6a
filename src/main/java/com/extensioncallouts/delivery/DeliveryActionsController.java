package com.extensioncallouts.delivery;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.journal.DeliveryView;
import com.extensioncallouts.journal.TimeWindow;
import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Acting on deliveries: send one again, or recover what a callout missed in a time window. */
@RestController
@Tag(name = "Deliveries")
class DeliveryActionsController {

    private final Resends resends;
    private final Recoveries recoveries;

    DeliveryActionsController(Resends resends, Recoveries recoveries) {
        this.resends = resends;
        this.recoveries = recoveries;
    }

    @Operation(summary = "Send a delivery again, as a new delivery")
    @ApiResponse(responseCode = "409", description = "Its callout is inactive or deleted, or it has no ticket to send")
    @PostMapping(path = "/api/deliveries/{id}/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView resend(@PathVariable long id) {
        return DeliveryView.of(resends.resend(id));
    }

    @Operation(summary = "Send once more what failed for good, or was skipped while inactive, in [since, until)")
    @ApiResponse(responseCode = "409", description = "The callout is inactive: activate it first")
    @PostMapping(path = "/api/callouts/{id}/recover", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> recover(@PathVariable long id,
            @RequestBody @Schema(implementation = RecoveryWindowSchema.class) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(java.util.List.of(new FieldProblem("body", "must be a JSON object")));
        }
        TimeWindow window = TimeWindow.parse(text(body, "since"), text(body, "until"), true);
        return Map.of("queued", recoveries.recover(id, window.since(), window.until()).queued());
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(java.util.List.of(new FieldProblem(field,
                    "must be an ISO-8601 date and time as a string")));
        }
        return node.textValue();
    }
}
