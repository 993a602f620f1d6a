package com.extensioncallouts.rule;

import java.util.List;

/**
 * Which deployed workflow rules (the latest version of each process definition) execute a callout.
 * Matching of callout names is case-insensitive, like callout names themselves.
 */
public interface WorkflowRules {

    /** The rules whose latest version has a call activity to {@code extension-callout} with this callout name. */
    List<WorkflowRule> callersOf(String calloutName);

    default int countCallersOf(String calloutName) {
        return callersOf(calloutName).size();
    }
}
