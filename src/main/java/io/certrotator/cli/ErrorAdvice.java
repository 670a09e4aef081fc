package io.certrotator.cli;

import io.certrotator.edgeone.ErrorClass;
import io.certrotator.edgeone.ErrorClassifier;
import io.certrotator.edgeone.StateRefusal;
import io.certrotator.results.ResultsRepository;
import io.certrotator.results.RowOutcome;

import java.util.Map;
import java.util.Set;

/** What an error code on a row means and what the operator does about it: the one place for that text. */
final class ErrorAdvice {

    /** A FAILED row is not sent again by a rerun of the same input; a new CSV of just those rows is a new run. */
    private static final String RETRY_THE_ROWS = "make a CSV of these rows from the report and run it";

    /** Any {@code OperationDenied.Hosts...Inconsistency}: the certificate settings of one call's hosts differ. */
    private static final String HOSTS_INCONSISTENT = "hosts in one call carry different certificate settings "
            + "(certificates, client or upstream certificates, keyless servers): " + RETRY_THE_ROWS
            + " with --max-hosts-per-call=1";

    /** An ambiguous failure the read-back and the retries did not resolve. */
    private static final String STILL_FAILING_AFTER_READ_BACK = "the API said the change failed on every attempt and "
            + "the host does not show it: check the host in the console (quote the request IDs in error_message to "
            + "Tencent Cloud support), then " + RETRY_THE_ROWS;

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("InvalidParameter.CertNotMatchDomain",
                    "certificate does not cover the host: check the certificate's names"),
            Map.entry("FailedOperation.CertificateHasExpired", "certificate expired: upload a new one"),
            Map.entry("ResourceUnavailable.CertNotFound",
                    "certificate ID not found in this account: check cert_ids (SSL Certificates console)"),
            Map.entry("ResourceUnavailable.HostNotFound",
                    "host not found in the zone: check the host name and zone_id"),
            Map.entry(StateRefusal.ZONE_PAUSED, "zone is paused: enable it first, then " + RETRY_THE_ROWS),
            Map.entry(StateRefusal.ZONE_NOT_ACTIVE,
                    "the zone is not active (not yet verified, moved away, banned or without a plan), so its hosts "
                            + "take no configuration: finish the zone's setup in the console, then " + RETRY_THE_ROWS),
            Map.entry(StateRefusal.HOST_FORBIDDEN,
                    "EdgeOne has banned the host (forbidden): no configuration can change until the ban is lifted; "
                            + "see the notice in the console, then " + RETRY_THE_ROWS),
            Map.entry("ResourceUnavailable.ZoneNotFound", "zone not found in this account: check zone_id"),
            Map.entry("InvalidParameter.HostStatusNotAllowApplyCertificate",
                    "the host cannot take this certificate yet: its CNAME does not point to EdgeOne (or its origin is "
                            + "not routed through it): fix its DNS, wait until it is online, then " + RETRY_THE_ROWS),
            Map.entry("InvalidParameter.CnameWildHostNotAllowApplyCertificate",
                    "a wildcard host on a CNAME-access zone cannot take a certificate this way: configure it in "
                            + "the console"),
            Map.entry("OperationDenied.HostsCertificateInconsistency", HOSTS_INCONSISTENT),
            Map.entry("OperationDenied.HostsClientCertificateInconsistency", HOSTS_INCONSISTENT),
            Map.entry("OperationDenied.HostsUpstreamCertificateInconsistency", HOSTS_INCONSISTENT),
            Map.entry("OperationDenied.HostsUpstreamCertificateVerifyInconsistency", HOSTS_INCONSISTENT),
            Map.entry("OperationDenied.HostsKeylessServerInconsistency", HOSTS_INCONSISTENT),
            Map.entry("InvalidParameter.CertToExpire",
                    "the certificate expires too soon for EdgeOne to take it: upload a renewed one and name it"),
            Map.entry("InvalidParameter.CertTooShortKeySize",
                    "the certificate's key is too short for EdgeOne: reissue it with RSA 2048 or ECC 256 or more"),
            Map.entry("FailedOperation.ModifyFailed", STILL_FAILING_AFTER_READ_BACK),
            Map.entry("FailedOperation", STILL_FAILING_AFTER_READ_BACK),
            Map.entry(RowOutcome.VERIFICATION_FAILED,
                    "the API accepted the call but the host does not show the certificate (see error_message; an "
                            + "offline host shows none until it is enabled): check the host in the console, then "
                            + RETRY_THE_ROWS),
            Map.entry(RowOutcome.WOULD_DROP_CERTIFICATE,
                    "the row's cert_ids keep no certificate of a key type the host serves (see error_message): add "
                            + "it to cert_ids, or run these rows with --allow-dropping-certificates to drop it"),
            Map.entry(ResultsRepository.INVALID_ROW, "the row itself is wrong (see error_message): fix the CSV"));

    private static final Set<String> OUR_TRANSIENT_CODES = Set.of(ErrorClassifier.NETWORK_ERROR,
            ErrorClassifier.HTTP_ERROR, ErrorClassifier.INVALID_RESPONSE);

    private ErrorAdvice() {
    }

    static String of(String code) {
        if (code == null) {
            return "no error code recorded: see error_message in the report";
        }
        String known = BY_CODE.get(code);
        if (known != null) {
            return known;
        }
        if (code.startsWith("UnauthorizedOperation")) {
            return "the credentials may not act on this zone (a CAM policy that leaves it out, or an EdgeOne Pages "
                    + "zone, which this API cannot change): grant teo:DescribeAccelerationDomains and "
                    + "teo:ModifyHostsCertificate on it, then " + RETRY_THE_ROWS;
        }
        if (code.startsWith("AuthFailure")) {
            return "the credentials were refused: fix them and run again";
        }
        if (OUR_TRANSIENT_CODES.contains(code) || ErrorClassifier.classify(code) == ErrorClass.TRANSIENT) {
            return "temporary API or network trouble, and the attempts ran out: " + RETRY_THE_ROWS + " later";
        }
        return "refused by the API: see error_message in the report and the EdgeOne API's error codes";
    }
}
