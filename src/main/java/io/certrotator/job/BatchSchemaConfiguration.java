package io.certrotator.job;

import org.springframework.batch.core.repository.dao.AbstractJdbcBatchMetadataDao;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Creates Spring Batch's tables only where the job repository has none. Its scripts have no IF NOT EXISTS: run on
 * every start, each CREATE fails (and is skipped), and the database logs every failure, H2 into a trace file beside
 * the repository, PostgreSQL into its server log. Two first runs side by side may still both run the script; the
 * one that loses skips what the other created.
 */
@Configuration(proxyBeanMethods = false)
class BatchSchemaConfiguration {

    @Bean
    BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                       BatchJdbcProperties properties) {
        String jobInstanceTable = (properties.getTablePrefix() == null
                ? AbstractJdbcBatchMetadataDao.DEFAULT_TABLE_PREFIX : properties.getTablePrefix()) + "JOB_INSTANCE";
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return !tableExists(dataSource, jobInstanceTable) && super.initializeDatabase();
            }
        };
    }

    /**
     * Whether the table exists, in the connection's own schema unless it names one; its name is matched in the
     * letter case the database keeps unquoted names in (upper for H2, lower for PostgreSQL).
     */
    static boolean tableExists(DataSource dataSource, String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String schema = dot < 0 ? connection.getSchema() : stored(metaData, qualifiedName.substring(0, dot));
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema,
                    stored(metaData, qualifiedName.substring(dot + 1)), null)) {
                return tables.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static String stored(DatabaseMetaData metaData, String unquotedName) throws SQLException {
        return metaData.storesLowerCaseIdentifiers() ? unquotedName.toLowerCase(Locale.ROOT)
                : metaData.storesUpperCaseIdentifiers() ? unquotedName.toUpperCase(Locale.ROOT) : unquotedName;
    }
}
