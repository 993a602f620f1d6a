package com.extensioncallouts.rule;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Process definition id to the callout names (as {@link CalloutCall#key keys}) its call activities
 * pass literally. A definition id never changes content, so an entry never goes stale; it is
 * filled when the engine parses a definition and, for definitions parsed elsewhere (another
 * cluster node, before a restart), on first use.
 */
@Component
class CalloutCallIndex {

    private final Map<String, Set<String>> calloutKeysByDefinitionId = new ConcurrentHashMap<>();

    void record(String processDefinitionId, Set<String> calloutKeys) {
        calloutKeysByDefinitionId.put(processDefinitionId, Set.copyOf(calloutKeys));
    }

    /** The recorded keys, or those {@code onMiss} finds (recorded for next time). */
    Set<String> calloutKeysOf(String processDefinitionId, Function<String, Set<String>> onMiss) {
        Set<String> keys = calloutKeysByDefinitionId.get(processDefinitionId);
        if (keys == null) {
            // Found outside the map's lock: a miss reads the BPMN model from the database
            keys = Set.copyOf(onMiss.apply(processDefinitionId));
            calloutKeysByDefinitionId.putIfAbsent(processDefinitionId, keys);
        }
        return keys;
    }

    boolean contains(String processDefinitionId) {
        return calloutKeysByDefinitionId.containsKey(processDefinitionId);
    }

    /** Forgets everything, as after a restart. */
    void clear() {
        calloutKeysByDefinitionId.clear();
    }
}
