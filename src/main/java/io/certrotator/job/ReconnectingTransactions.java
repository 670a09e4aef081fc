package io.certrotator.job;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Transactions tried again when the connection to the job repository broke under them. Runs of different inputs
 * share the default H2 file (AUTO_SERVER): the first to open it serves it to the others, and when that run's process
 * exits, H2 rolls back the transactions the others had open and their next connection reaches the new server.
 * The results' writes are safe to repeat: a transaction rolled back wrote nothing.
 */
final class ReconnectingTransactions extends TransactionTemplate {

    private final RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
            .includes(DataAccessResourceFailureException.class, TransientDataAccessException.class,
                    CannotCreateTransactionException.class)
            .maxRetries(4)
            .delay(Duration.ofMillis(100))
            .multiplier(2)
            .build());

    ReconnectingTransactions(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        return retries.invoke(() -> super.execute(action));
    }
}
