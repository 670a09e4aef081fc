package io.certrotator.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Where each column of the rotation CSV is, found by name in the header: case-insensitive, blanks around a
 * name ignored, any order, unknown columns ignored. {@code zone_id} and {@code host} are required;
 * {@code mode} may be left out (every row is {@code sslcert}), and so may {@code cert_ids} (no row names a
 * certificate). A column named twice is an error, since it is unclear which one to use.
 *
 * @param width how many cells the header has, and so every row
 */
record CsvColumns(int width, int zoneId, int host, int mode, int certIds) {

    static final String ZONE_ID = "zone_id";
    static final String HOST = "host";
    static final String MODE = "mode";
    static final String CERT_IDS = "cert_ids";
    static final String EXPECTED_HEADER = String.join(",", ZONE_ID, HOST, MODE, CERT_IDS);

    private static final int ABSENT = -1;

    static CsvColumns fromHeader(CSVRecord header, Path file) {
        Map<String, Integer> indexByName = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            names.add(header.get(i).trim());
            String name = name(header.get(i));
            if (isKnown(name) && indexByName.put(name, i) != null) {
                throw new InputFileException(file, "column \"" + name + "\" appears twice in the header");
            }
        }
        for (String required : List.of(ZONE_ID, HOST)) {
            if (!indexByName.containsKey(required)) {
                throw new InputFileException(file, "missing required column \"" + required + "\" (the header has "
                        + Printable.quoted(String.join(",", names)) + "; expected " + EXPECTED_HEADER + ")");
            }
        }
        return new CsvColumns(header.size(), indexByName.get(ZONE_ID), indexByName.get(HOST),
                indexByName.getOrDefault(MODE, ABSENT), indexByName.getOrDefault(CERT_IDS, ABSENT));
    }

    /** The field of a row, empty when the column is absent. */
    static String field(CSVRecord record, int column) {
        return column >= 0 ? record.get(column) : "";
    }

    /** A row that names the required columns again, as where two files were joined. */
    static boolean isHeader(CSVRecord record) {
        boolean zoneId = false;
        boolean host = false;
        // By index: a record's iterator copies its values into a new list, for every row of the file.
        for (int i = 0; i < record.size(); i++) {
            String name = name(record.get(i));
            zoneId |= name.equals(ZONE_ID);
            host |= name.equals(HOST);
        }
        return zoneId && host;
    }

    private static String name(String cell) {
        return cell.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isKnown(String name) {
        return name.equals(ZONE_ID) || name.equals(HOST) || name.equals(MODE) || name.equals(CERT_IDS);
    }
}
