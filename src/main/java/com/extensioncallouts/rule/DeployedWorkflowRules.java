package com.extensioncallouts.rule;

import java.util.List;

import org.springframework.stereotype.Component;

/** Placeholder until the rule index lands (issue 2, rule package). */
@Component
class DeployedWorkflowRules implements WorkflowRules {

    @Override
    public List<WorkflowRule> callersOf(String calloutName) {
        return List.of();
    }
}
