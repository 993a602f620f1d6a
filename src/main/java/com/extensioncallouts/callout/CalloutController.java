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

/**
 * {@code /api/callouts}, as api.md describes it. Rules live in {@link CalloutService}.
 * Every call that answers a body declares JSON: a client that accepts none gets its 406 before
 * anything is stored, not after.
 */
@RestController
@RequestMapping("/api/callouts")
class CalloutController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CalloutService callouts;
    private final SigningStatus signing;

    CalloutController(CalloutService callouts, SigningStatus signing) {
        this.callouts = callouts;
        this.signing = signing;
    }

    @GetMapping(produces = JSON)
    List<CalloutResponse> list() {
        List<Callout> all = callouts.list();
        Map<Long, List<WorkflowRule>> rules = callouts.workflowRulesCalling(all);
        Set<Long> signed = signing.signing(all.stream().map(Callout::id).toList());
        return all.stream().map(callout -> CalloutResponse.of(callout, rules.get(callout.id()).size(),
                signed.contains(callout.id()))).toList();
    }

    @PostMapping(produces = JSON)
    ResponseEntity<CalloutResponse> create(@RequestBody CalloutRequest request) {
        Callout created = callouts.create(request.toDraft());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(response(created));
    }

    @GetMapping(path = "/{id}", produces = JSON)
    CalloutResponse get(@PathVariable long id) {
        return response(callouts.get(id));
    }

    @PutMapping(path = "/{id}", produces = JSON)
    CalloutResponse update(@PathVariable long id, @RequestBody CalloutRequest request) {
        return response(callouts.update(id, request.toDraft()));
    }

    @PostMapping(path = "/{id}/activate", produces = JSON)
    CalloutResponse activate(@PathVariable long id) {
        return response(callouts.setActive(id, true));
    }

    @PostMapping(path = "/{id}/deactivate", produces = JSON)
    CalloutResponse deactivate(@PathVariable long id) {
        return response(callouts.setActive(id, false));
    }

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
