package io.certrotator.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** When a run started or ended, as the job repository records it (this machine's local time), to the second. */
final class RunTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RunTime() {
    }

    static String of(LocalDateTime time) {
        return time == null ? "-" : FORMAT.format(time);
    }
}
