package com.extensioncallouts.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import com.extensioncallouts.rule.CalloutCall.InMapping;
import com.extensioncallouts.rule.CalloutCall.Kind;
import com.extensioncallouts.rule.CalloutCall.Naming;

/**
 * Records, while the engine parses a process, which callouts its call activities execute, and
 * refuses a call to {@code extension-callout} that names no callout. Parsing happens once per
 * deployment (and per node when the deployment cache loads it), so counting rules later costs
 * no parsing.
 */
class CalloutCallParseListener extends AbstractBpmnParseListener {

    private static final String CALLOUT_KEYS_PROPERTY = "com.extensioncallouts.calloutKeys";

    private final CalloutCallIndex index;

    CalloutCallParseListener(CalloutCallIndex index) {
        this.index = index;
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!CalloutCall.callsExtensionCallout(element.attribute("calledElement"))) {
            return;
        }
        ProcessDefinitionImpl process = activity.getProcessDefinition();
        Naming naming = CalloutCall.naming(inMappings(element));
        if (naming.kind() == Kind.MISSING) {
            String processKey = process instanceof ProcessDefinitionEntity entity ? entity.getKey() : process.getId();
            RuleLog.deploymentRefused(processKey, activity.getId());
            throw new BpmnParseException(refusal(processKey, process.getName(), element), element);
        }
        CalloutCall.keyOf(naming).ifPresent(key -> calloutKeys(process).add(key));
    }

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return; // parsed outside a command: the index fills this definition on first use instead
        }
        for (ProcessDefinitionEntity definition : processDefinitions) {
            Set<String> keys = calloutKeys(definition);
            // Ids are assigned after parsing, and only a committed deployment is worth remembering
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> {
                index.record(definition.getId(), keys);
                RuleLog.definitionRecorded(definition.getId(), keys);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> calloutKeys(ProcessDefinitionImpl process) {
        Object keys = process.getProperty(CALLOUT_KEYS_PROPERTY);
        if (keys == null) {
            keys = new HashSet<String>();
            process.setProperty(CALLOUT_KEYS_PROPERTY, keys);
        }
        return (Set<String>) keys;
    }

    private static List<InMapping> inMappings(Element callActivity) {
        Element extensions = callActivity.element("extensionElements");
        if (extensions == null) {
            return List.of();
        }
        return extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in").stream()
                .map(in -> new InMapping(in.attribute("source"), in.attribute("sourceExpression"),
                        in.attribute("target"), in.attribute("variables")))
                .toList();
    }

    private static String refusal(String processKey, String processName, Element callActivity) {
        String process = processName == null || processName.isBlank()
                ? "'" + processKey + "'" : "'" + processName + "' (" + processKey + ")";
        String name = callActivity.attribute("name");
        String activityName = name == null || name.isBlank() ? "" : " \"" + name + "\"";
        return "Process " + process + ": call activity '" + callActivity.attribute("id") + "'" + activityName
                + " calls " + CalloutCall.CALLED_ELEMENT + " without naming the callout to execute. Add "
                + "<camunda:in sourceExpression=\"<callout name>\" target=\"calloutName\"/> to it "
                + "(in Camunda Modeler: apply the element template \"Execute Extension Callout\" "
                + "and fill in \"Callout name\").";
    }
}
