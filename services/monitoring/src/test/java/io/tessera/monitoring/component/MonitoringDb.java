package io.tessera.monitoring.component;

import io.tessera.farm.postgres.LocalPostgres;
import io.tessera.farm.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads the monitoring schema over JDBC, as an operator would look at it. */
final class MonitoringDb {

    /** A task row: what users see of a task. */
    record TaskRow(String state, int attempt, String workerId, long version, String reason) {
    }

    /** A job row. */
    record JobRow(String state, String reason, long version, String dependsOn, boolean submitted, String strategy) {
    }

    /** An attempt that ended badly, as kept in {@code task_attempt}. */
    record AttemptRow(int attempt, String workerId, String outcome, String reason) {
    }

    private MonitoringDb() {
    }

    /** The task's failed and stalled attempts, oldest first. */
    static List<AttemptRow> attempts(String taskId) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(),
                LocalPostgres.USER, LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement("select attempt, worker_id, outcome, reason"
                     + " from monitoring.task_attempt where task_id = ? order by attempt")) {
            statement.setString(1, taskId);
            List<AttemptRow> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AttemptRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static TaskRow task(String taskId) {
        return query("select state, attempt, worker_id, version, reason from monitoring.task where task_id = ?",
                taskId, rs -> new TaskRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)));
    }

    static JobRow job(String jobId) {
        return query("select state, reason, version, depends_on, submitted, strategy from monitoring.job"
                        + " where job_id = ?", jobId,
                rs -> new JobRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6)));
    }

    /** How many tasks of the job are in {@code state}. */
    static long tasksIn(String jobId, String state) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(),
                LocalPostgres.USER, LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from monitoring.task where job_id = ? and state = ?")) {
            statement.setString(1, jobId);
            statement.setString(2, state);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code read} until {@code until} holds, or fails after {@code timeout} with the last value. */
    static <T> T eventually(Duration timeout, Supplier<T> read, Predicate<T> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!until.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; last value: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            value = read.get();
        }
        return value;
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> T query(String sql, String id, RowMapper<T> mapper) {
        try (Connection connection = DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(),
                LocalPostgres.USER, LocalPostgres.PASSWORD);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? mapper.map(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
