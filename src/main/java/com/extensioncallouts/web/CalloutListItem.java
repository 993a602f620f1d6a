package com.extensioncallouts.web;

import java.util.List;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.rule.WorkflowRule;

/** One row of the callouts table. */
public record CalloutListItem(long id, String name, String url, List<String> workflowRules, boolean active) {

    static CalloutListItem of(Callout callout, List<WorkflowRule> callers) {
        return new CalloutListItem(callout.id(), callout.name(), callout.url(),
                callers.stream().map(WorkflowRule::displayName).toList(), callout.active());
    }

    public int workflowRuleCount() {
        return workflowRules.size();
    }
}
