package io.certrotator.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SSL service's {@code DescribeCertificates}: the account's certificates in ID order, paged by Offset (default 0)
 * and Limit (default 10; above 1,000 taken as 1,000, as documented). The filters of the real API are accepted and
 * ignored. Times are {@code yyyy-MM-dd HH:mm:ss} in Beijing time (GMT+8) without an offset, as the service answers
 * them; an expired certificate shows status 3 whatever its stored status. A refusal set with
 * {@link #refuse(String)} answers every call with that code, as a CAM policy without the action does.
 */
final class DescribeCertificatesAction implements ApiAction {
    static final String NAME = "DescribeCertificates";
    static final int EXPIRED = 3;
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 1000;
    private static final DateTimeFormatter BEIJING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.ofHours(8));
    private static final Set<String> PARAMETERS = Set.of("Offset", "Limit", "SearchKey", "CertificateType",
            "ProjectId", "ExpirationSort", "CertificateStatus", "Deployable", "Upload", "Renew", "FilterSource",
            "IsSM", "FilterExpiring", "Hostable", "Tags", "IsPendingIssue", "CertIds");

    private final EdgeOneState state;
    private final Clock clock;
    private final Refusal refusal = new Refusal();

    DescribeCertificatesAction(EdgeOneState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Every call answers {@code code} from now on; null serves them again. */
    void refuse(String code) {
        refusal.set(code);
    }

    @Override
    public void execute(JsonNode params, ObjectNode response) {
        refusal.check("you are not authorized to perform operation (ssl:DescribeCertificates)");
        Params.rejectUnknown(params, PARAMETERS);
        int offset = Params.optionalInteger(params, "Offset").orElse(0);
        int limit = Math.min(MAX_LIMIT, Params.optionalInteger(params, "Limit").orElse(DEFAULT_LIMIT));
        if (offset < 0 || limit < 0) {
            throw Params.invalidValue("Offset and Limit must be 0 or more, not " + offset + " and " + limit);
        }
        List<Certificate> certificates = state.certificates();
        Instant now = clock.instant();
        response.put("TotalCount", certificates.size());
        ArrayNode list = response.putArray("Certificates");
        certificates.stream().skip(offset).limit(limit).forEach(cert -> certificate(list.addObject(), cert, now));
    }

    private static void certificate(ObjectNode out, Certificate cert, Instant now) {
        out.put("CertificateId", cert.certId());
        out.put("Alias", cert.alias());
        out.put("Domain", cert.names().stream().findFirst().orElse(""));
        ArrayNode names = out.putArray("SubjectAltName");
        cert.names().forEach(names::add);
        out.put("CertBeginTime", BEIJING_TIME.format(cert.notBefore()));
        out.put("CertEndTime", BEIJING_TIME.format(cert.notAfter()));
        out.put("Status", cert.isExpiredAt(now) ? EXPIRED : cert.status());
        out.put("EncryptAlgorithm", cert.algorithm());
        out.put("CertificateType", "SVR");
    }
}
