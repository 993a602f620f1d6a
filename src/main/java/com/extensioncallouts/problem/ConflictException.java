package com.extensioncallouts.problem;

import java.util.List;

/** A request that contradicts stored state (a taken name, rules still calling); answered 409. */
public class ConflictException extends RuntimeException {

    private final transient List<String> workflowRules;

    public ConflictException(String message) {
        this(message, List.of());
    }

    public ConflictException(String message, List<String> workflowRules) {
        super(message);
        this.workflowRules = List.copyOf(workflowRules);
    }

    /** Names of the workflow rules involved, if any; exposed to clients as {@code workflowRules}. */
    public List<String> workflowRules() {
        return workflowRules;
    }
}
