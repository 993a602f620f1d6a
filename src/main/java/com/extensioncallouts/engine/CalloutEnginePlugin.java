package com.extensioncallouts.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * How the engine runs callouts: the history it keeps of them ({@link CalloutHistoryLevel},
 * {@link CalloutHistoryFilter}), how their jobs reach a thread ({@link JobDispatch}), where a ticket's JSON is
 * stored ({@link InlineJsonSerializer}), due dates on every job ({@link JobDueDates}), and the indexes the embedded
 * database needs ({@link H2Indexes}).
 */
@Component
class CalloutEnginePlugin extends AbstractProcessEnginePlugin implements DisposableBean {

    private JobDispatch dispatch;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        dispatch = new JobDispatch(configuration);
        JobDueDates.require(configuration);
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new DispatchingJobManager.Factory(dispatch));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // Wraps whatever handler the configuration built (the database's, and any custom ones)
        configuration.setHistoryEventHandler(new CalloutHistoryFilter(configuration.getHistoryEventHandler()));
        if (configuration.getHistoryLevel() != null) { // null only for history "auto", decided later from the database
            configuration.setHistoryLevel(new CalloutHistoryLevel(configuration.getHistoryLevel()));
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        H2Indexes.ensure(configuration.getDatabaseType(), configuration.getDataSource());
        // Here, not in postInit: Spin's plugin registers its serializers in its own postInit
        InlineJsonSerializer.replaceSpins(configuration);
    }

    @Override
    public void destroy() {
        if (dispatch != null) {
            dispatch.close();
        }
    }
}
