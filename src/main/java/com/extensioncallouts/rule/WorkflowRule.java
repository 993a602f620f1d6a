package com.extensioncallouts.rule;

import java.time.Instant;
import java.util.List;

/**
 * A deployed workflow rule that executes a callout: the latest version of a process definition, named
 * by its name or, lacking one, its key, with the ids of its elements that call that callout.
 */
public record WorkflowRule(String processDefinitionKey, String name, int version, Instant deployedAt,
        List<String> elementIds) {

    public WorkflowRule {
        elementIds = List.copyOf(elementIds);
    }

    public String displayName() {
        return name == null || name.isBlank() ? processDefinitionKey : name;
    }
}
