package com.extensioncallouts.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutService;

/**
 * The workflow rules that execute one callout, where the count in the callouts table leads: the same
 * list as {@code GET /api/callouts/{id}/workflow-rules}.
 */
@Controller
class WorkflowRulesPageController {

    /** One rule as the page shows it. */
    record RuleItem(String name, String key, int version, String deployedAt, List<String> elementIds) {
    }

    private final CalloutService callouts;

    WorkflowRulesPageController(CalloutService callouts) {
        this.callouts = callouts;
    }

    @GetMapping("/callouts/{id}/workflow-rules")
    String workflowRules(@PathVariable long id, Model model) {
        Callout callout = callouts.get(id);
        model.addAttribute("callout", callout);
        model.addAttribute("rules", callouts.workflowRulesCalling(callout).stream()
                .map(rule -> new RuleItem(rule.displayName(), rule.processDefinitionKey(), rule.version(),
                        UtcTimes.shown(rule.deployedAt()), rule.elementIds()))
                .toList());
        return "callouts/workflow-rules";
    }
}
