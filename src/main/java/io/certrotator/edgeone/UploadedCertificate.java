package io.certrotator.edgeone;

import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What UploadCertificate answered: the certificate's ID, and whether the service already held the same certificate
 * ({@code RepeatCertId}, documented as the ID of the repeated certificate when {@code Repeatable} is false).
 */
public record UploadedCertificate(String certificateId, boolean reused, String requestId) {

    /** Empty when the answer names no certificate at all. */
    public static Optional<UploadedCertificate> of(ApiResponse.Ok answer) {
        Optional<String> repeated = text(answer.response().path("RepeatCertId"));
        if (repeated.isPresent()) {
            return Optional.of(new UploadedCertificate(repeated.get(), true, answer.requestId()));
        }
        return text(answer.response().path("CertificateId"))
                .map(id -> new UploadedCertificate(id, false, answer.requestId()));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
