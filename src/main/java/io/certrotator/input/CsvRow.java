package io.certrotator.input;

/**
 * One data row of the rotation CSV as written: the cells of the known columns (empty when the column is absent),
 * nothing trimmed or checked yet; {@link RowValidator} makes a {@link RotationRow} of it.
 *
 * @param line the physical line in the file where the row starts (the header being line 1)
 */
public record CsvRow(long line, String zoneId, String host, String mode, String certIds) {
}
