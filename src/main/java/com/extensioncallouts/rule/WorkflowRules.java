package com.extensioncallouts.rule;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which deployed workflow rules (the latest version of each process definition) execute a callout.
 * Matching of callout names is case-insensitive, like callout names themselves.
 */
public interface WorkflowRules {

    /**
     * For each of these callout names (the map's keys, as given), the rules whose latest version has a
     * call activity to {@code extension-callout} with that name. One look at the deployed rules serves
     * them all, so a list of callouts costs no more than one.
     */
    Map<String, List<WorkflowRule>> callersOf(Collection<String> calloutNames);

    /** The rules that execute this one callout. */
    default List<WorkflowRule> callersOf(String calloutName) {
        return calloutName == null ? List.of()
                : callersOf(List.of(calloutName)).getOrDefault(calloutName, List.of());
    }

    default int countCallersOf(String calloutName) {
        return callersOf(calloutName).size();
    }
}
