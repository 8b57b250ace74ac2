package io.tessera.submission;

import io.tessera.farm.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC reads of the service's schema in the real test database. */
public final class TestDb {

    private TestDb() {
    }

    /** {@code select count(*)} with one optional text parameter. */
    public static long count(String sql, String... params) {
        try (Connection c = DriverManager.getConnection(RealInfrastructure.shared().jdbcUrl(), "tessera", "tessera");
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
