package com.extensioncallouts.engine;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/** Camunda's job manager, with {@link JobDispatch} deciding how a new job reaches a thread. */
class DispatchingJobManager extends JobManager {

    private final JobDispatch dispatch;

    DispatchingJobManager(JobDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    protected void hintJobExecutor(JobEntity job) {
        if (dispatch.takes(job)) {
            dispatch.lockAndRunAfterCommit(job);
        } else {
            super.hintJobExecutor(job);
        }
    }

    @Override
    public void schedule(TimerEntity timer) {
        super.schedule(timer);
        dispatch.wakeAcquisitionAt(timer.getDuedate());
    }

    /** Registered with the engine in place of the stock job manager's factory. */
    record Factory(JobDispatch dispatch) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return JobManager.class;
        }

        @Override
        public Session openSession() {
            return new DispatchingJobManager(dispatch);
        }
    }
}
