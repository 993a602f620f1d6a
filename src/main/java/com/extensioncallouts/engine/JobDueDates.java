package com.extensioncallouts.engine;

import java.sql.Timestamp;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every job has a due date (Camunda's {@code ensureJobDueDateNotNull}: a job due at once is due as it is created),
 * so that the job acquisition asks only {@code DUEDATE_ <= now} instead of {@code DUEDATE_ IS NULL OR DUEDATE_ <=
 * now}. A database answers the first from an index on the due date ({@link H2Indexes} on the embedded default); for
 * the second it reads every job, and every delivery waiting for its retry is one: 28 ms an acquisition with 10,000
 * retries waiting on H2, with the acquisition running every second or two.
 *
 * <p>A job can still come without a due date: left by an earlier build (or a node of one still running in the
 * cluster), or given none through Camunda's API ({@code setJobDuedate(id, null)}, which Camunda reads as "due now";
 * so does its history clean-up when it suspends and activates its job). The acquisition would never find it, so at
 * start and then every minute such jobs become due at their creation time. {@code REV_} is left as it is: a node of
 * an earlier build running such a job deletes it by its revision when done, and a new revision would make it run
 * the job again.
 */
@Component
class JobDueDates {

    private final JdbcTemplate jdbc;
    private final String sql;

    JobDueDates(ProcessEngineConfigurationImpl engine) {
        this.jdbc = new JdbcTemplate(engine.getDataSource());
        String prefix = engine.getDatabaseTablePrefix();
        this.sql = "UPDATE " + (prefix == null ? "" : prefix) + "ACT_RU_JOB"
                + " SET DUEDATE_ = COALESCE(CREATE_TIME_, ?) WHERE DUEDATE_ IS NULL";
    }

    /** Before the engine is built: new jobs get a due date, and the acquisition relies on it. */
    static void require(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    /** Jobs without a due date become due at their creation time (or now); how many there were. */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT1M")
    int giveMissingDueDates() {
        try {
            int jobs = jdbc.update(sql, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            if (jobs > 0) {
                EngineLog.dueDatesSet(jobs);
            }
            return jobs;
        } catch (DataAccessException e) {
            EngineLog.dueDatesNotSet(e);
            return 0;
        }
    }
}
