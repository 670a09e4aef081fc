package io.certrotator.job;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.CsvRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.file.Path;

/**
 * The input's rows as written, one at a time, for the load step (its processor validates them). It counts the rows
 * read into the step's execution context at every commit, so a load that stopped half-way starts again after the
 * last committed chunk. A {@link JobStop} fails the read of the next row: the chunk being read rolls back, and the load
 * ends with its position at its last commit.
 */
class InputRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    /** The position saved by the step, in {@link AbstractItemCountingItemStreamItemReader}'s key. */
    private static final String READ_COUNT = "read.count";

    private final Path input;
    private final JobStop jobStop;
    private RotationCsvReader reader;
    /** Rows loaded by the commits so far, this load's and those before it. */
    private int committed;

    InputRowReader(Path input, JobStop jobStop) {
        this.input = input;
        this.jobStop = jobStop;
        setName("input");
    }

    @Override
    protected void doOpen() {
        jobStop.loading(true);
        reader = RotationCsvReader.open(input);
    }

    @Override
    protected CsvRow doRead() {
        jobStop.loadStopped().ifPresent(reason -> {
            throw new RunStoppedException(reason + " during the input's load, after " + committed + " rows: those are"
                    + " kept, and the same command goes on loading after them");
        });
        return reader.read();
    }

    /** A load that goes on starts from the position its last commit saved. */
    @Override
    public void open(ExecutionContext executionContext) {
        committed = executionContext.getInt(getExecutionContextKey(READ_COUNT), 0);
        super.open(executionContext);
    }

    /** The step saves the position with every chunk it commits. */
    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        committed = getCurrentItemCount();
    }

    @Override
    protected void doClose() {
        jobStop.loading(false);
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
