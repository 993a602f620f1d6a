package com.extensioncallouts.callout;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/callouts/{id}/workflow-rules}: the deployed workflow rules that execute a callout,
 * the same ones its {@code workflowRuleCount} counts and that keep it from being renamed or deleted.
 */
@RestController
class CalloutWorkflowRulesController {

    private final CalloutService callouts;

    CalloutWorkflowRulesController(CalloutService callouts) {
        this.callouts = callouts;
    }

    @GetMapping(path = "/api/callouts/{id}/workflow-rules", produces = MediaType.APPLICATION_JSON_VALUE)
    List<WorkflowRuleResponse> workflowRules(@PathVariable long id) {
        return callouts.workflowRulesCalling(callouts.get(id)).stream().map(WorkflowRuleResponse::of).toList();
    }
}
