package io.certrotator.estate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The one place that reads the APIs' times. An unreadable time is unknown (empty): never taken as expired, never a
 * reason to drop what carries it.
 */
public final class ApiTimes {

    /** The SSL service answers in Beijing time without saying so. */
    static final ZoneOffset SSL_SERVICE_OFFSET = ZoneOffset.ofHours(8);
    /** Strict: February 30th is unreadable, not February 28th. */
    private static final DateTimeFormatter SSL_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private ApiTimes() {
    }

    /** EdgeOne's {@code ExpireTime}: ISO-8601 with an offset, {@code 2026-01-01T00:00:00Z} or {@code ...+00:00}. */
    public static Optional<Instant> edgeOne(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The SSL service's {@code CertBeginTime} / {@code CertEndTime}: {@code yyyy-MM-dd HH:mm:ss} in GMT+8. */
    public static Optional<Instant> sslService(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.trim(), SSL_FORMAT).toInstant(SSL_SERVICE_OFFSET));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
