package io.certrotator.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SSL service's {@code UploadCertificate} (2019-12-05): parses the uploaded chain and key for real
 * ({@link UploadedPem}) and stores an issued certificate that DescribeCertificates lists and ModifyHostsCertificate
 * accepts. Refusals as documented: {@code FailedOperation.CertificateParseError} (not PEM, no key),
 * {@code FailedOperation.CertificateMismatch} (the key is not the certificate's), {@code FailedOperation.CertificateInvalid}
 * (expired, or not valid yet). With {@code Repeatable} false a certificate already held (same leaf, by SHA-256) is not
 * stored again: the answer names the held one, in {@code RepeatCertId} as documented and in {@code CertificateId}.
 * Only server certificates ({@code CertificateType} SVR, the default) are simulated.
 */
final class UploadCertificateAction implements ApiAction {
    static final String NAME = "UploadCertificate";
    private static final Set<String> PARAMETERS = Set.of("CertificatePublicKey", "CertificatePrivateKey",
            "CertificateType", "Alias", "ProjectId", "CertificateUse", "Tags", "Repeatable", "KeyPassword");
    private static final String ID_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final EdgeOneState state;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Refusal refusal = new Refusal();

    UploadCertificateAction(EdgeOneState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Every upload answers {@code code} from now on, whatever it holds; null serves them again. */
    void refuse(String code) {
        refusal.set(code);
    }

    @Override
    public void execute(JsonNode params, ObjectNode response) {
        refusal.check("the certificate is refused (simulated)");
        Params.rejectUnknown(params, PARAMETERS);
        String type = Params.optionalString(params, "CertificateType").orElse("SVR");
        if (!type.equals("SVR")) {
            throw Params.invalidValue("CertificateType " + type + ": the simulator takes server certificates (SVR)");
        }
        boolean repeatable = repeatable(params);
        String alias = Params.optionalString(params, "Alias").orElse("");
        UploadedPem upload = UploadedPem.parse(Params.requiredString(params, "CertificatePublicKey"),
                Params.requiredString(params, "CertificatePrivateKey"));
        requireValidNow(upload);
        synchronized (state) {
            if (!repeatable) {
                var held = state.uploadedCertificateId(upload.fingerprint());
                if (held.isPresent()) {
                    response.put("CertificateId", held.get());
                    response.put("RepeatCertId", held.get());
                    return;
                }
            }
            String certId = newCertificateId();
            state.putUploadedCertificate(new Certificate(certId, upload.names(),
                    upload.leaf().getNotBefore().toInstant(), upload.leaf().getNotAfter().toInstant(),
                    upload.algorithm(), alias, Certificate.ISSUED), upload.fingerprint());
            response.put("CertificateId", certId);
            response.putNull("RepeatCertId");
        }
    }

    private static boolean repeatable(JsonNode params) {
        JsonNode value = params.get("Repeatable");
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw Params.invalid("Repeatable must be a Boolean");
        }
        return value.booleanValue();
    }

    private void requireValidNow(UploadedPem upload) {
        Instant now = clock.instant();
        Instant notAfter = upload.leaf().getNotAfter().toInstant();
        Instant notBefore = upload.leaf().getNotBefore().toInstant();
        if (!now.isBefore(notAfter)) {
            throw new ApiException(UploadedPem.INVALID, "the certificate expired at " + notAfter);
        }
        if (now.isBefore(notBefore)) {
            throw new ApiException(UploadedPem.INVALID, "the certificate is not valid before " + notBefore);
        }
    }

    /** Eight letters and digits, as the SSL service's IDs look; never one the state holds. */
    private String newCertificateId() {
        while (true) {
            StringBuilder id = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
            }
            if (!state.hasCertificate(id.toString())) {
                return id.toString();
            }
        }
    }
}
