package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, an index for the case list's text filter (a title that contains the words, issue
 * 17): a trigram index (extension pg_trgm) on the lower-case title, so that a search among 100 000
 * closed cases does not read them all. The extension ships with PostgreSQL and may be created by the
 * database's owner since PostgreSQL 13; where it cannot be created, the list searches without the
 * index (slower, not wrong) and the log says so. H2 (one municipality's small database) needs none.
 */
public class V20__Case_title_search extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        if (!"PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("""
                    do $$
                    begin
                        create extension if not exists pg_trgm;
                    exception when others then
                        raise warning 'pg_trgm cannot be created (%): the case list searches titles without an index', sqlerrm;
                    end $$""");
            statement.execute("""
                    do $$
                    begin
                        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
                            create index ix_support_case_title_trgm on support_case using gin (lower(title) gin_trgm_ops);
                        end if;
                    end $$""");
        }
    }
}
