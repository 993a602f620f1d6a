package com.extensioncallouts.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import com.extensioncallouts.rule.CalloutCall.InMapping;
import com.extensioncallouts.rule.CalloutCall.LiteralCall;
import com.extensioncallouts.rule.CalloutCall.Mappings;
import com.extensioncallouts.rule.CalloutCall.Naming;
import com.extensioncallouts.rule.CalloutCallIndex.DefinitionCalls;

/**
 * Finds callers among the latest version of each process definition: one query for the definitions,
 * then the {@link CalloutCallIndex} per definition. Only a definition the index has never seen
 * (deployed before a restart or by another node) costs a read of its BPMN model. The count, the list
 * of rules per callout and the refusal to rename or delete a called callout all come from here.
 */
@Component
class DeployedWorkflowRules implements WorkflowRules {

    private static final Comparator<WorkflowRule> BY_DISPLAY_NAME =
            Comparator.comparing(WorkflowRule::displayName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(WorkflowRule::processDefinitionKey);

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
            DefinitionCalls calls = index.callsOf(definition.getId(), id -> scan(definition));
            calls.elementIdsByCalloutKey().forEach((key, elementIds) -> callers
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new WorkflowRule(definition.getKey(), definition.getName(), definition.getVersion(),
                            calls.deployedAt(), elementIds)));
        }
        callers.values().forEach(rules -> rules.sort(BY_DISPLAY_NAME));
        return callers;
    }

    /** Reads what the parse listener would have recorded from the stored BPMN model of one definition. */
    private DefinitionCalls scan(ProcessDefinition definition) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        List<LiteralCall> literalCalls = new ArrayList<>();
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            // One file may hold several processes; only this definition's activities count
            if (CalloutCall.callsExtensionCallout(call.getCalledElement())
                    && definition.getKey().equals(processIdOf(call))) {
                Naming naming = CalloutCall.naming(mappings(call));
                if (naming.kind() == CalloutCall.Kind.LITERAL) {
                    literalCalls.add(new LiteralCall(call.getId(), naming.literalName()));
                }
            }
        }
        DefinitionCalls calls = DefinitionCalls.of(deployedAt(definition), literalCalls);
        RuleLog.definitionScanned(definition.getId(), calls.elementIdsByCalloutKey());
        return calls;
    }

    private Instant deployedAt(ProcessDefinition definition) {
        Deployment deployment = repositoryService.createDeploymentQuery()
                .deploymentId(definition.getDeploymentId()).singleResult();
        return deployment == null || deployment.getDeploymentTime() == null ? null
                : deployment.getDeploymentTime().toInstant();
    }

    private static String processIdOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    private static Mappings mappings(CallActivity call) {
        boolean delegated = call.getCamundaVariableMappingClass() != null
                || call.getCamundaVariableMappingDelegateExpression() != null;
        ExtensionElements extensions = call.getExtensionElements();
        if (extensions == null) {
            return new Mappings(List.of(), delegated);
        }
        return new Mappings(extensions.getElementsQuery().filterByType(CamundaIn.class).list().stream()
                .map(in -> new InMapping(in.getCamundaSource(), in.getCamundaSourceExpression(),
                        in.getCamundaTarget(), in.getCamundaVariables()))
                .toList(), delegated);
    }
}
