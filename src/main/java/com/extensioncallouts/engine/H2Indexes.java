package com.extensioncallouts.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Indexes the embedded default needs on Camunda's tables once deliveries wait for their retries. H2's planner has
 * no statistics; without these, two queries the engine runs all the time read every row of their table, and
 * there is one more row for each waiting retry. PostgreSQL plans both from its statistics and needs neither.
 * <ul>
 * <li>Loading an execution's variables asks {@code WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL}: H2 took the
 * index on {@code TASK_ID_} for the {@code IS NULL} and read every variable of every running instance (13 ms a
 * load with 10,000 retries waiting, 0.1 ms with this index).</li>
 * <li>The job acquisition asks for jobs with {@code DUEDATE_ <= now} (every job has a due date here:
 * {@link JobDueDates}): without an index on the due date H2 read every job, 28 ms an acquisition (one every
 * second or two) with 10,000 retries waiting at their timers.</li>
 * </ul>
 */
final class H2Indexes {

    static final String VARIABLES_BY_EXECUTION = "CALLOUTS_IDX_VAR_EXE_TASK";
    static final String JOBS_BY_DUE_DATE = "CALLOUTS_IDX_JOB_DUEDATE";

    private H2Indexes() {
    }

    static void ensure(String databaseType, DataSource dataSource) {
        if (!"h2".equals(databaseType)) {
            return;
        }
        create(dataSource, VARIABLES_BY_EXECUTION, "ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
        create(dataSource, JOBS_BY_DUE_DATE, "ACT_RU_JOB (DUEDATE_)");
    }

    private static void create(DataSource dataSource, String name, String on) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + on);
        } catch (SQLException e) {
            EngineLog.indexNotCreated(name, e);
        }
    }
}
