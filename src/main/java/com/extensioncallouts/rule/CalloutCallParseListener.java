package com.extensioncallouts.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import com.extensioncallouts.rule.CalloutCall.InMapping;
import com.extensioncallouts.rule.CalloutCall.Kind;
import com.extensioncallouts.rule.CalloutCall.LiteralCall;
import com.extensioncallouts.rule.CalloutCall.Mappings;
import com.extensioncallouts.rule.CalloutCall.Naming;
import com.extensioncallouts.rule.CalloutCallIndex.DefinitionCalls;

/**
 * Records, while the engine parses a process, which callouts its call activities execute; refuses a
 * call to {@code extension-callout} that names no callout or passes no ticket; and, once a new
 * deployment committed, warns about calls that name a callout that does not exist. Parsing happens
 * once per deployment (and per node when the deployment cache loads it), so counting rules later
 * costs no parsing.
 */
class CalloutCallParseListener extends AbstractBpmnParseListener {

    private static final String LITERAL_CALLS_PROPERTY = "com.extensioncallouts.literalCalls";

    private final CalloutCallIndex index;
    private final UnknownCallouts unknownCallouts;

    CalloutCallParseListener(CalloutCallIndex index, UnknownCallouts unknownCallouts) {
        this.index = index;
        this.unknownCallouts = unknownCallouts;
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!CalloutCall.callsExtensionCallout(element.attribute("calledElement"))) {
            return;
        }
        ProcessDefinitionImpl process = activity.getProcessDefinition();
        Mappings mappings = mappings(element);
        List<String> missing = CalloutCall.missing(mappings);
        if (!missing.isEmpty()) {
            String processKey = keyOf(process);
            RuleLog.deploymentRefused(processKey, activity.getId(), missing);
            throw new BpmnParseException(refusal(processKey, process.getName(), element, mappings, missing), element);
        }
        Naming naming = CalloutCall.naming(mappings);
        if (naming.kind() == Kind.LITERAL) {
            literalCalls(process).add(new LiteralCall(activity.getId(), naming.literalName()));
        }
    }

    @Override
    public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return; // parsed outside a command: the index fills this definition on first use instead
        }
        for (ProcessDefinitionEntity definition : processDefinitions) {
            List<LiteralCall> calls = List.copyOf(literalCalls(definition));
            DeploymentEntity deployment = definition.getDeploymentId() == null ? null
                    : commandContext.getDeploymentManager().findDeploymentById(definition.getDeploymentId());
            Instant deployedAt = deployment == null || deployment.getDeploymentTime() == null ? null
                    : deployment.getDeploymentTime().toInstant();
            // Parsed for a new deployment, not because a node loaded an old one into its cache
            boolean newlyDeployed = deployment != null && deployment.isNew();
            DefinitionCalls recorded = DefinitionCalls.of(deployedAt, calls);
            // Ids are assigned after parsing, and only a committed deployment is worth remembering
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, ctx -> {
                index.record(definition.getId(), recorded);
                RuleLog.definitionRecorded(definition.getId(), recorded.elementIdsByCalloutKey());
                if (newlyDeployed) {
                    unknownCallouts.warnAbout(definition.getKey(), definition.getName(), calls);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<LiteralCall> literalCalls(ProcessDefinitionImpl process) {
        Object calls = process.getProperty(LITERAL_CALLS_PROPERTY);
        if (calls == null) {
            calls = new ArrayList<LiteralCall>();
            process.setProperty(LITERAL_CALLS_PROPERTY, calls);
        }
        return (List<LiteralCall>) calls;
    }

    private static String keyOf(ProcessDefinitionImpl process) {
        return process instanceof ProcessDefinitionEntity entity ? entity.getKey() : process.getId();
    }

    private static Mappings mappings(Element callActivity) {
        boolean delegated = callActivity.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "variableMappingClass") != null
                || callActivity.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS,
                        "variableMappingDelegateExpression") != null;
        Element extensions = callActivity.element("extensionElements");
        if (extensions == null) {
            return new Mappings(List.of(), delegated);
        }
        return new Mappings(extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in").stream()
                .map(in -> new InMapping(in.attribute("source"), in.attribute("sourceExpression"),
                        in.attribute("target"), in.attribute("variables")))
                .toList(), delegated);
    }

    private static String refusal(String processKey, String processName, Element callActivity, Mappings mappings,
            List<String> missing) {
        String process = processName == null || processName.isBlank()
                ? "'" + processKey + "'" : "'" + processName + "' (" + processKey + ")";
        String name = callActivity.attribute("name");
        String activityName = name == null || name.isBlank() ? "" : " \"" + name + "\"";
        boolean noName = CalloutCall.naming(mappings).kind() == Kind.MISSING;
        boolean noTicket = !CalloutCall.passesTicket(mappings);
        String lacks = noName && noTicket ? "without naming the callout to execute and without passing the ticket"
                : noName ? "without naming the callout to execute" : "without passing the ticket";
        String modeler = noName ? "apply the element template \"Execute Extension Callout\" and fill in \"Callout name\""
                : "apply the element template \"Execute Extension Callout\", which passes the ticket";
        return "Process " + process + ": call activity '" + callActivity.attribute("id") + "'" + activityName
                + " calls " + CalloutCall.CALLED_ELEMENT + " " + lacks + ". Add " + String.join(" and ", missing)
                + " to it (in Camunda Modeler: " + modeler + ").";
    }
}
