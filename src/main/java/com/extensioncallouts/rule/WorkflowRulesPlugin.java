package com.extensioncallouts.rule;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine needs for workflow rules: the parse listener that records (and checks) callout
 * calls, and expressions that read Spin JSON variables like maps and call {@code execution.getVariable(...)}
 * without reflection.
 */
@Component
class WorkflowRulesPlugin extends AbstractProcessEnginePlugin {

    private final CalloutCallIndex index;
    private final UnknownCallouts unknownCallouts;
    private final ApplicationContext applicationContext;

    WorkflowRulesPlugin(CalloutCallIndex index, UnknownCallouts unknownCallouts, ApplicationContext applicationContext) {
        this.index = index;
        this.unknownCallouts = unknownCallouts;
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new CalloutCallParseListener(index, unknownCallouts));
        installResolvers(configuration);
    }

    /**
     * Reading Spin JSON like a map, and {@code execution.getVariable(...)} without reflection. The engine offers no
     * hook to add a resolver; replace Spring's expression manager with an extended one.
     */
    private void installResolvers(ProcessEngineConfigurationImpl configuration) {
        Object current = configuration.getExpressionManager();
        if (current != null && current.getClass() != SpringExpressionManager.class) {
            RuleLog.expressionManagerKept(current.getClass().getName());
            return;
        }
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, configuration.getBeans()) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new SpinJsonElResolver());
                resolver.add(new GetVariableElResolver());
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
    }
}
