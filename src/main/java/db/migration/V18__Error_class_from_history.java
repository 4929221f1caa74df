package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives the rows of cases closed before the row held the error class (V16) the class their
 * analysis gave, from the engine's history, so that the dashboard reads the rows alone. A new
 * database has no history yet (the engine creates its tables after this runs): nothing to do.
 */
public class V18__Error_class_from_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!hasTable(connection, "act_hi_varinst")) {
            return;
        }
        try (Statement update = connection.createStatement()) {
            update.executeUpdate("""
                    update support_case set error_class = (select max(v.TEXT_) from ACT_HI_VARINST v
                        where v.PROC_INST_ID_ = support_case.process_instance_id and v.EXECUTION_ID_ = v.PROC_INST_ID_
                        and v.NAME_ = 'errorClass')
                    where error_class is null and process_instance_id is not null""");
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
