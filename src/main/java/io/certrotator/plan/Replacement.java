package io.certrotator.plan;

import java.util.Optional;

/** One {@code --replace=OLD[=NEW]}: put {@code newCertId} where {@code oldCertId} is, or the best certificate without it. */
public record Replacement(String oldCertId, Optional<String> newCertId) {

    /** {@code OLD=NEW} or {@code OLD}; blanks around either ID ignored. */
    public static Replacement parse(String value) {
        int equals = value.indexOf('=');
        if (equals < 0) {
            return new Replacement(value.trim(), Optional.empty());
        }
        return new Replacement(value.substring(0, equals).trim(), Optional.of(value.substring(equals + 1).trim()));
    }

    boolean namesAnEmptyId() {
        return oldCertId.isEmpty() || newCertId.filter(String::isEmpty).isPresent();
    }

    /** As given: {@code OLD=NEW} or {@code OLD}. */
    String text() {
        return oldCertId + newCertId.map(id -> "=" + id).orElse("");
    }
}
