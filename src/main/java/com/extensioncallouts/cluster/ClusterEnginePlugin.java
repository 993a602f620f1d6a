package com.extensioncallouts.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the engine this node's id as its hostname (the job log's {@code HOSTNAME_}: who ran what), and takes
 * back, once the engine is built and before its job executor starts, the jobs still locked under this node's
 * id. This node has just started, so it runs none of them: they are what it held when it stopped without
 * unlocking them (killed, or the machine lost), and without this they would wait out their lock. Unlocked,
 * the job acquisition of any node takes them at once.
 *
 * <p>Only locks under this node's own id are touched: a job another node is running keeps its lock, which is
 * why node ids must be unique in a cluster.
 */
@Component
class ClusterEnginePlugin extends AbstractProcessEnginePlugin {

    private final ClusterNode node;

    ClusterEnginePlugin(ClusterNode node) {
        this.node = node;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(node.id());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        // REV_ moves on as in any update of a job: a stale copy of the row can no longer be written back
        int jobs = new JdbcTemplate(configuration.getDataSource()).update("UPDATE " + table
                + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?", node.id());
        ClusterLog.tookBackJobs(node.id(), jobs);
    }
}
