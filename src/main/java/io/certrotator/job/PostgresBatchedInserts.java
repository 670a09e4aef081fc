package io.certrotator.job;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The load step writes its rows as JDBC batches; the PostgreSQL driver sends a batch of INSERTs one statement at a
 * time unless {@code reWriteBatchedInserts} is on, which makes each batch a few multi-row INSERTs. Turned on for a
 * PostgreSQL repository unless the user set it, in the URL (which wins over this) or as a data source property.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatchedInserts {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor reWriteBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
                    pool.addDataSourceProperty(PROPERTY, "true");
                }
                return bean;
            }
        };
    }
}
