package io.certrotator.job;

import io.certrotator.input.RotationCsvReader;
import io.certrotator.input.CsvRow;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.file.Path;

/**
 * The input's rows as written, one at a time, for the load step (its processor validates them). It counts the rows
 * read into the step's execution context at every commit, so a load that stopped half-way starts again after the
 * last committed chunk.
 */
class InputRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

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
    protected CsvRow doRead() {
        return reader.read();
    }

    @Override
    protected void doClose() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
