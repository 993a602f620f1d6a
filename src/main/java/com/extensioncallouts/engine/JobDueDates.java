package com.extensioncallouts.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Every job has a due date (Camunda's {@code ensureJobDueDateNotNull}: a job due at once is due at its creation
 * time), so that the job acquisition asks only {@code DUEDATE_ <= now} instead of
 * {@code DUEDATE_ IS NULL OR DUEDATE_ <= now}. A database answers the first from an index on the due date
 * ({@link H2Indexes} on the embedded default); for the second it reads every job, and every delivery waiting
 * for its retry is one: 28 ms an acquisition with 10,000 retries waiting on H2, with the acquisition running
 * every second or two.
 *
 * <p>Jobs created by an earlier version (or by Camunda without this setting) may have no due date; the new
 * query would never find them, so each start gives them their creation time as due date.
 */
final class JobDueDates {

    private JobDueDates() {
    }

    /** Before the engine is built: new jobs get a due date, and the acquisition relies on it. */
    static void require(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    /** Once the schema exists: jobs without a due date become due at their creation time (or now). */
    static void setMissing(ProcessEngineConfigurationImpl configuration) {
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            int updated = statement.executeUpdate("UPDATE " + table
                    + " SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL");
            if (updated > 0) {
                EngineLog.dueDatesSet(updated);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give jobs without a due date their creation time as due date"
                    + " (the job acquisition would never find them)", e);
        }
    }
}
