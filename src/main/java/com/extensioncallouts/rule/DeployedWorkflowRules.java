package com.extensioncallouts.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import com.extensioncallouts.rule.CalloutCall.InMapping;

/**
 * Counts callers among the latest version of each process definition: one query for the
 * definitions, then the {@link CalloutCallIndex} per definition. Only a definition the index has
 * never seen (deployed before a restart or by another node) costs a read of its BPMN model.
 */
@Component
class DeployedWorkflowRules implements WorkflowRules {

    private static final Comparator<WorkflowRule> BY_DISPLAY_NAME =
            Comparator.comparing(WorkflowRule::displayName, String.CASE_INSENSITIVE_ORDER);

    private final RepositoryService repositoryService;
    private final CalloutCallIndex index;

    DeployedWorkflowRules(RepositoryService repositoryService, CalloutCallIndex index) {
        this.repositoryService = repositoryService;
        this.index = index;
    }

    @Override
    public Map<String, List<WorkflowRule>> callersOf(Collection<String> calloutNames) {
        Map<String, List<WorkflowRule>> callersByKey = callersByKey();
        Map<String, List<WorkflowRule>> callers = new LinkedHashMap<>();
        for (String name : calloutNames) {
            if (name != null && !callers.containsKey(name)) {
                callers.put(name, name.isBlank() ? List.of()
                        : callersByKey.getOrDefault(CalloutCall.key(name), List.of()));
            }
        }
        return callers;
    }

    /** Every callout key that some latest definition calls, with its callers sorted by display name. */
    private Map<String, List<WorkflowRule>> callersByKey() {
        Map<String, List<WorkflowRule>> callers = new HashMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            if (CalloutCall.CALLED_ELEMENT.equals(definition.getKey())) {
                continue;
            }
            WorkflowRule rule = new WorkflowRule(definition.getKey(), definition.getName(), definition.getVersion());
            for (String key : index.calloutKeysOf(definition.getId(), id -> scan(definition))) {
                callers.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
            }
        }
        callers.values().forEach(rules -> rules.sort(BY_DISPLAY_NAME));
        return callers;
    }

    /** Reads what the parse listener would have recorded from the stored BPMN model of one definition. */
    private Set<String> scan(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Set<String> keys = new HashSet<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            // One file may hold several processes; only this definition's activities count
            if (CalloutCall.callsExtensionCallout(call.getCalledElement())
                    && definition.getKey().equals(processIdOf(call))) {
                CalloutCall.keyOf(CalloutCall.naming(inMappings(call))).ifPresent(keys::add);
            }
        }
        RuleLog.definitionScanned(definition.getId(), keys);
        return keys;
    }

    private static String processIdOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static List<InMapping> inMappings(CallActivity call) {
        ExtensionElements extensions = call.getExtensionElements();
        if (extensions == null) {
            return List.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaIn.class).list().stream()
                .map(in -> new InMapping(in.getCamundaSource(), in.getCamundaSourceExpression(),
                        in.getCamundaTarget(), in.getCamundaVariables()))
                .toList();
    }
}
