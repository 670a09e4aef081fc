package io.certrotator.job;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.RotationRow;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.file.Path;

/**
 * The input's rows, one at a time, for the load step. It counts the rows read into the step's execution
 * context at every commit, so a load that stopped half-way starts again after the last committed chunk.
 */
class InputRowReader extends AbstractItemCountingItemStreamItemReader<RotationRow> {

    private final Path input;
    private RotationCsvReader reader;

    InputRowReader(Path input) {
        this.input = input;
        setName("input");
    }

    @Override
    protected void doOpen() {
        reader = RotationCsvReader.open(input);
    }

    @Override
    protected RotationRow doRead() {
        return reader.hasNext() ? reader.next() : null;
    }

    @Override
    protected void doClose() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
