package io.certrotator.job;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconnectingTransactionsTest {

    private final ReconnectingTransactions transactions =
            new ReconnectingTransactions(new ResourcelessTransactionManager());

    @Test
    void aTransactionWhoseConnectionBrokeIsRunAgain() {
        AtomicInteger tries = new AtomicInteger();

        String result = transactions.execute(status -> {
            if (tries.incrementAndGet() == 1) {
                throw new DataAccessResourceFailureException("Connection is broken: \"session closed\"");
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(tries).hasValue(2);
    }

    @Test
    void aTransactionRefusedForItsDataIsNotRunAgain() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate key");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void aConnectionThatStaysBrokenFailsWithItsErrorAfterTheRetries() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            tries.incrementAndGet();
            throw new DataAccessResourceFailureException("gone");
        })).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(tries).hasValue(5);
    }
}
