package com.extensioncallouts.journal;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.callout.CalloutService;
import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.extensioncallouts.problem.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reading the journal: a callout's deliveries, and one delivery with its attempts in full. */
@RestController
@Tag(name = "Deliveries", description = "Every trigger of a callout, with every attempt in full")
class DeliveryController {

    static final int MAX_PAGE_SIZE = 200;

    private final Deliveries deliveries;
    private final AttemptLog attempts;
    private final CalloutService callouts;

    DeliveryController(Deliveries deliveries, AttemptLog attempts, CalloutService callouts) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.callouts = callouts;
    }

    /** A page of the delivery list: newest first. */
    record DeliveryPage(List<DeliveryView> content, int page, int size, long totalElements) {
    }

    @Operation(summary = "A callout's deliveries, newest first", description = "`since` (inclusive) and `until` "
            + "(exclusive): ISO-8601 with an offset, e.g. 2026-11-28T10:00:00Z; `size` 1-200.")
    @GetMapping(path = "/api/callouts/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryPage list(@PathVariable long id, @RequestParam(required = false) String state,
            @RequestParam(required = false) String since, @RequestParam(required = false) String until,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        DeliveryState wanted = state(state);
        TimeWindow window = TimeWindow.parse(since, until, false);
        if (page < 0) {
            throw new InvalidInputException(List.of(new FieldProblem("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException(List.of(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE)));
        }
        callouts.get(id);
        Deliveries.Page found = deliveries.page(id, wanted, window.since(), window.until(), page, size);
        return new DeliveryPage(found.content().stream().map(DeliveryView::of).toList(), found.page(), found.size(),
                found.totalElements());
    }

    /** The delivery of one extension-callout process instance (none or one), as Cockpit's tab asks for it. */
    @Operation(summary = "The delivery of one extension-callout process instance (none or one)")
    @GetMapping(path = "/api/deliveries", params = "processInstanceId", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DeliveryDetails> ofProcessInstance(@RequestParam String processInstanceId) {
        return deliveries.forInstance(processInstanceId)
                .map(d -> List.of(DeliveryDetails.of(d, attempts.attemptsOf(d.processInstanceId()))))
                .orElse(List.of());
    }

    @Operation(summary = "One delivery, with every attempt in full (secrets read [redacted])")
    @GetMapping(path = "/api/deliveries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryDetails get(@PathVariable long id) {
        Delivery delivery = deliveries.byId(id)
                .orElseThrow(() -> new NotFoundException("No delivery with id " + id + "."));
        return DeliveryDetails.of(delivery, attempts.attemptsOf(delivery.processInstanceId()));
    }

    private static DeliveryState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("state",
                    "must be one of SKIPPED, PENDING, RETRYING, DELIVERED, FAILED")));
        }
    }
}
