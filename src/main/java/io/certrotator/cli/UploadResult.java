package io.certrotator.cli;

import io.certrotator.certs.CertificateBundle;
import io.certrotator.edgeone.UploadedCertificate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code upload} prints once the SSL service holds the certificate: its ID, its names and its end, and whether
 * the service already held it ({@code reused}: the same certificate was uploaded before, and keeps its ID).
 */
record UploadResult(String certificateId, List<String> names, Instant notAfter, String keyAlgorithm, boolean reused) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    UploadResult {
        names = List.copyOf(names);
    }

    static UploadResult of(UploadedCertificate uploaded, CertificateBundle bundle) {
        return new UploadResult(uploaded.certificateId(), bundle.names(), bundle.notAfter(),
                bundle.keyAlgorithm().toString(), uploaded.reused());
    }

    String render(UploadFormat format) {
        return format == UploadFormat.JSON ? json() : text();
    }

    private String text() {
        return "certificate: " + certificateId + (reused ? " (uploaded before: the same ID)" : " (new)")
                + "\nnames: " + String.join(", ", names)
                + "\nnot after: " + notAfter
                + "\nkey: " + keyAlgorithm;
    }

    /** {@code {"certificateId":...,"names":[...],"notAfter":"...","keyAlgorithm":"ECC 256","reused":false}}. */
    private String json() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("certificateId", certificateId);
        object.put("names", names);
        object.put("notAfter", notAfter.toString());
        object.put("keyAlgorithm", keyAlgorithm);
        object.put("reused", reused);
        return JSON.writeValueAsString(object);
    }
}
