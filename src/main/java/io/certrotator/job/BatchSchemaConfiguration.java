package io.certrotator.job;

import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Creates Spring Batch's tables only where the job repository has none. Its scripts have no IF NOT EXISTS: run on
 * every start, each CREATE fails (and is skipped), and the database logs every failure, H2 into a trace file beside
 * the repository, PostgreSQL into its server log. Two first runs side by side may still both run the script; the
 * one that loses skips what the other created.
 */
@Configuration(proxyBeanMethods = false)
class BatchSchemaConfiguration {

    private static final String DEFAULT_TABLE_PREFIX = "BATCH_";

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                       BatchJdbcProperties properties) {
        String jobInstanceTable = (properties.getTablePrefix() == null ? DEFAULT_TABLE_PREFIX
                : properties.getTablePrefix()) + "JOB_INSTANCE";
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return !tableExists(dataSource, jobInstanceTable) && super.initializeDatabase();
            }
        };
    }

    /** Whether the table exists, in the connection's own schema unless it names one (in any letter case). */
    static boolean tableExists(DataSource dataSource, String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String schema = dot < 0 ? connection.getSchema() : qualifiedName.substring(0, dot);
            for (String inSchema : caseVariants(schema)) {
                for (String table : caseVariants(qualifiedName.substring(dot + 1))) {
                    try (ResultSet tables = metaData.getTables(connection.getCatalog(), inSchema, table, null)) {
                        if (tables.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static Set<String> caseVariants(String name) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(name);
        if (name != null) {
            variants.add(name.toUpperCase(Locale.ROOT));
            variants.add(name.toLowerCase(Locale.ROOT));
        }
        return variants;
    }
}
