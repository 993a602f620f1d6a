package com.extensioncallouts.callout;

import java.time.Instant;
import java.util.List;

import com.extensioncallouts.rule.WorkflowRule;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workflow rule as {@code GET /api/callouts/{id}/workflow-rules} shows it: the latest version of a
 * process definition that executes the callout, and its elements that do.
 */
record WorkflowRuleResponse(
        String key,
        /** The process's name; null (shown as null) when it has none. */
        @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        int version,
        Instant deployedAt,
        List<String> elementIds) {

    static WorkflowRuleResponse of(WorkflowRule rule) {
        return new WorkflowRuleResponse(rule.processDefinitionKey(), rule.name(), rule.version(), rule.deployedAt(),
                rule.elementIds());
    }
}
