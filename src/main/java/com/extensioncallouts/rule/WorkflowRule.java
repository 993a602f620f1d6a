package com.extensioncallouts.rule;

/** A deployed workflow rule: a process definition, named by its name or, lacking one, its key. */
public record WorkflowRule(String processDefinitionKey, String name, int version) {

    public String displayName() {
        return name == null || name.isBlank() ? processDefinitionKey : name;
    }
}
