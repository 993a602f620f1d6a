package com.extensioncallouts.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Process definition id to what its call activities call: the callout names (as {@link CalloutCall#key
 * keys}) they pass literally, with the ids of the calling elements, and when the definition was deployed.
 * A definition id never changes content, so an entry never goes stale; it is filled when the engine
 * parses a definition and, for definitions parsed elsewhere (another cluster node, before a restart),
 * on first use.
 */
@Component
class CalloutCallIndex {

    /** What one process definition calls: callout key to the ids of its calling elements, sorted. */
    record DefinitionCalls(Instant deployedAt, Map<String, List<String>> elementIdsByCalloutKey) {

        DefinitionCalls {
            elementIdsByCalloutKey = Map.copyOf(elementIdsByCalloutKey);
        }

        static DefinitionCalls of(Instant deployedAt, Collection<CalloutCall.LiteralCall> calls) {
            Map<String, List<String>> byKey = new TreeMap<>();
            for (CalloutCall.LiteralCall call : calls) {
                byKey.computeIfAbsent(CalloutCall.key(call.calloutName()), k -> new ArrayList<>()).add(call.elementId());
            }
            byKey.replaceAll((key, ids) -> ids.stream().distinct().sorted().toList());
            return new DefinitionCalls(deployedAt, byKey);
        }
    }

    private final Map<String, DefinitionCalls> callsByDefinitionId = new ConcurrentHashMap<>();

    void record(String processDefinitionId, DefinitionCalls calls) {
        callsByDefinitionId.put(processDefinitionId, calls);
    }

    /** The recorded calls, or those {@code onMiss} finds (recorded for next time). */
    DefinitionCalls callsOf(String processDefinitionId, Function<String, DefinitionCalls> onMiss) {
        DefinitionCalls calls = callsByDefinitionId.get(processDefinitionId);
        if (calls == null) {
            // Found outside the map's lock: a miss reads the BPMN model from the database
            calls = onMiss.apply(processDefinitionId);
            callsByDefinitionId.putIfAbsent(processDefinitionId, calls);
        }
        return calls;
    }

    boolean contains(String processDefinitionId) {
        return callsByDefinitionId.containsKey(processDefinitionId);
    }

    /** Forgets everything, as after a restart. */
    void clear() {
        callsByDefinitionId.clear();
    }
}
