package com.extensioncallouts.callout;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.extensioncallouts.rule.WorkflowRule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/callouts}, as api.md describes it. Rules live in {@link CalloutService}.
 * Every call that answers a body declares JSON: a client that accepts none gets its 406 before
 * anything is stored, not after.
 */
@RestController
@RequestMapping("/api/callouts")
@Tag(name = "Callouts", description = "What is sent to which RMM, how, and who is told")
class CalloutController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CalloutService callouts;
    private final SigningStatus signing;

    CalloutController(CalloutService callouts, SigningStatus signing) {
        this.callouts = callouts;
        this.signing = signing;
    }

    @Operation(summary = "All callouts, ordered by name")
    @GetMapping(produces = JSON)
    List<CalloutResponse> list() {
        List<Callout> all = callouts.list();
        Map<Long, List<WorkflowRule>> rules = callouts.workflowRulesCalling(all);
        Set<Long> signed = signing.signing(all.stream().map(Callout::id).toList());
        return all.stream().map(callout -> CalloutResponse.of(callout, rules.get(callout.id()).size(),
                signed.contains(callout.id()))).toList();
    }

    @Operation(summary = "Create a callout")
    @ApiResponse(responseCode = "201", description = "The stored callout, its address in Location")
    @ApiResponse(responseCode = "409", description = "A callout with this name (ignoring case) exists")
    @PostMapping(produces = JSON)
    ResponseEntity<CalloutResponse> create(@RequestBody CalloutRequest request) {
        Callout created = callouts.create(request.toDraft());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(response(created));
    }

    @Operation(summary = "One callout")
    @GetMapping(path = "/{id}", produces = JSON)
    CalloutResponse get(@PathVariable long id) {
        return response(callouts.get(id));
    }

    @Operation(summary = "Change a callout", description = "An omitted secret keeps the stored one (same "
            + "authentication type only); an omitted `active` keeps the stored state.")
    @ApiResponse(responseCode = "200", description = "The stored callout")
    @ApiResponse(responseCode = "409", description = "The name is taken, or workflow rules still call the old name")
    @PutMapping(path = "/{id}", produces = JSON)
    CalloutResponse update(@PathVariable long id, @RequestBody CalloutRequest request) {
        return response(callouts.update(id, request.toDraft()));
    }

    @Operation(summary = "Activate a callout")
    @PostMapping(path = "/{id}/activate", produces = JSON)
    CalloutResponse activate(@PathVariable long id) {
        return response(callouts.setActive(id, true));
    }

    @Operation(summary = "Deactivate a callout", description = "An inactive callout is never sent; its triggers "
            + "are recorded as skipped.")
    @PostMapping(path = "/{id}/deactivate", produces = JSON)
    CalloutResponse deactivate(@PathVariable long id) {
        return response(callouts.setActive(id, false));
    }

    @Operation(summary = "Delete a callout")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "Workflow rules still call it (named in `workflowRules`)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        callouts.delete(id);
        return ResponseEntity.noContent().build();
    }

    private CalloutResponse response(Callout callout) {
        return CalloutResponse.of(callout, callouts.workflowRuleCount(callout),
                !signing.signing(List.of(callout.id())).isEmpty());
    }
}
