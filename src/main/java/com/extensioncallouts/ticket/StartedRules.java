package com.extensioncallouts.ticket;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import com.extensioncallouts.ticket.TicketEventPublisher.StartedRule;

/**
 * Which workflow rules a ticket event started. A signal does not say which instances it started, so every
 * process definition gets a start listener (added when the engine parses it) that notes each root
 * instance starting on a thread that is sending a ticket event. The signal runs on the caller's thread, in
 * its transaction: what it started is known at once, without asking history.
 */
final class StartedRules {

    private static final ThreadLocal<List<StartedRule>> COLLECTING = new ThreadLocal<>();

    private StartedRules() {
    }

    /** Runs {@code send} and returns the root process instances it started, in the order they started. */
    static List<StartedRule> during(Runnable send) {
        List<StartedRule> started = new ArrayList<>();
        COLLECTING.set(started);
        try {
            send.run();
        } finally {
            COLLECTING.remove();
        }
        return started;
    }

    /** Adds the start listener to every parsed process definition. */
    static final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            processDefinition.addListener(ExecutionListener.EVENTNAME_START, new Listener(processDefinition.getKey()));
        }
    }

    private record Listener(String processDefinitionKey) implements ExecutionListener {

        @Override
        public void notify(DelegateExecution execution) {
            List<StartedRule> started = COLLECTING.get();
            if (started != null && execution.getProcessInstance().getSuperExecution() == null) {
                started.add(new StartedRule(processDefinitionKey, execution.getProcessInstanceId()));
            }
        }
    }
}
